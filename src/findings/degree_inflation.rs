//! `degree-inflation`: an entry-level or internship posting that requires a degree above
//! what such roles need (a doctorate for an entry role, a master's for an internship).

use super::Context;
use crate::level::Level;
use crate::posting::{Finding, Requirement, Severity};

pub fn check(cx: &Context) -> Option<Finding> {
    let a = cx.analysis;
    let implied = a.implied_level?;
    let degree = a.degree.level?;
    let inflated = match implied {
        // A student's own degree course is what an internship is for, not a requirement.
        Level::Internship if a.degree.enrolled_student => false,
        Level::Internship => degree == "doctorate" || degree == "master",
        Level::Entry => degree == "doctorate",
        _ => false,
    };
    if !inflated || a.degree.required != Some(true) {
        return None;
    }
    let spans = a
        .degree
        .mentions
        .iter()
        .filter(|m| m.level == degree && m.requirement == Requirement::Required)
        .map(|m| m.span.clone())
        .take(1)
        .collect();
    Some(Finding {
        code: "degree-inflation",
        severity: Severity::Warning,
        message: format!("An {implied} role requires a {degree} degree; this narrows the pool to candidates who usually apply for higher roles."),
        spans,
    })
}
