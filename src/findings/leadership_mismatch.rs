//! `leadership-mismatch`: people management in an internship or entry posting, or a
//! director or executive title with no leadership at all over work two or more rungs lower.
//! A director title over mid-senior work is left alone: leadership is worded in too many
//! ways for its absence alone to be plain.

use super::Context;
use crate::level::Level;
use crate::posting::{Finding, Severity};

pub fn check(cx: &Context) -> Option<Finding> {
    let a = cx.analysis;
    let l = &a.leadership;
    let junior = a.title_level.is_some_and(|t| t <= Level::Entry)
        || a.implied_level.is_some_and(|i| i <= Level::Entry);
    if junior && l.people_management {
        let mut spans = a.title_spans.clone();
        spans.extend(
            l.mentions
                .iter()
                .filter(|m| m.signal == "people_management")
                .map(|m| m.span.clone())
                .take(1),
        );
        return Some(Finding {
            code: "leadership-mismatch",
            severity: Severity::Warning,
            message: "An entry-level or internship posting asks the candidate to manage people."
                .into(),
            spans,
        });
    }
    let title = a.title_level?;
    let no_leadership =
        !(l.people_management || l.mentoring || l.leads_work || l.strategy || l.budget);
    let far_below = a
        .implied_level
        .is_some_and(|i| i < title && i.distance(title) >= 2);
    if title >= Level::Director && no_leadership && far_below {
        return Some(Finding {
            code: "leadership-mismatch",
            severity: Severity::Warning,
            message: format!("The title says {title}, but the posting mentions no management, strategy, budget or leadership duties."),
            spans: a.title_spans.clone(),
        });
    }
    None
}
