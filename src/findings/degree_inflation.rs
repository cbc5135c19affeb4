//! `degree-inflation`: an entry-level or internship posting that requires a degree above
//! what such roles need (a doctorate for an entry role or an internship).

use super::Context;
use crate::level::Level;
use crate::posting::{Finding, Requirement, Severity};

pub fn check(cx: &Context) -> Option<Finding> {
    let a = cx.analysis;
    let implied = a.implied_level?;
    let degree = a.degree.level?;
    let inflated = match implied {
        // Interns are often master's students (a French "stage" asks for "Bac+5"): only a
        // doctorate asked of one who need not be a student is out of line.
        Level::Internship => degree == "doctorate" && !a.degree.enrolled_student,
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
