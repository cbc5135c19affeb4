//! `declared-level-mismatch`: the level the poster declared is two or more rungs from the level
//! the requirements imply: the "this is not an entry-level position" complaint.

use super::Context;
use crate::posting::{Finding, Severity};

pub fn check(cx: &Context) -> Option<Finding> {
    let a = cx.analysis;
    let declared = a.declared_level?;
    let implied = a.implied_level?;
    if declared.distance(implied) < 2 {
        return None;
    }
    let spans = a
        .evidence
        .iter()
        .filter(|e| e.level == implied)
        .flat_map(|e| e.spans.clone())
        .take(3)
        .collect();
    Some(Finding {
        code: "declared-level-mismatch",
        severity: Severity::Warning,
        message: format!(
            "The posting is declared {declared}, but its requirements read as {implied}."
        ),
        spans,
    })
}
