//! `title-below-requirements`: a Junior, Intern or Associate title with years that only an
//! experienced hire has.

use super::Context;
use crate::level::Level;
use crate::posting::{Finding, Severity};

/// Fewest required years that contradict each low title level.
fn too_many_years(title: Level) -> Option<f64> {
    match title {
        Level::Internship => Some(1.0),
        Level::Entry => Some(4.0),
        Level::Associate => Some(5.0),
        _ => None,
    }
}

pub fn check(cx: &Context) -> Option<Finding> {
    let a = cx.analysis;
    let title = a.title_level?;
    let years = a.experience.min_years?;
    if years < too_many_years(title)? {
        return None;
    }
    let mut spans = a.title_spans.clone();
    spans.extend(cx.governing_years_span());
    Some(Finding {
        code: "title-below-requirements",
        severity: Severity::Warning,
        message: format!(
            "The title says {title}, but the posting requires {} of experience; candidates at the title's level will not apply, or will not qualify.",
            crate::scorer::years(years)
        ),
        spans,
    })
}
