//! `experience-contradiction`: "entry level" or "no experience required" beside a figure
//! only an experienced candidate meets.

use super::Context;
use crate::level::Level;
use crate::posting::{Finding, Requirement, Severity};

/// Required years that no entry-level posting can ask for.
const ENTRY_CEILING: f64 = 4.0;

pub fn check(cx: &Context) -> Option<Finding> {
    let exp = &cx.analysis.experience;
    let years = exp.min_years.filter(|y| *y >= ENTRY_CEILING)?;
    let entry_phrase = exp
        .phrases
        .iter()
        .find(|p| p.level <= Level::Entry)
        .map(|p| p.span.clone());
    let zero = exp
        .mentions
        .iter()
        .find(|m| m.min == 0.0 && m.max.is_none() && m.requirement == Requirement::Required)
        .map(|m| m.span.clone());
    let claim = entry_phrase.or(zero)?;
    let mut spans = vec![claim.clone()];
    spans.extend(cx.governing_years_span());
    Some(Finding {
        code: "experience-contradiction",
        severity: Severity::Warning,
        message: format!(
            "The posting says \"{}\" but also requires {} of experience.",
            claim.text,
            crate::scorer::years(years)
        ),
        spans,
    })
}
