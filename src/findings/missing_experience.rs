//! `missing-experience` (info): the posting states no experience requirement of any kind.

use super::Context;
use crate::lexicon::Category;
use crate::posting::{Finding, Severity};

pub fn check(cx: &Context) -> Option<Finding> {
    let exp = &cx.analysis.experience;
    let any_keyword = cx
        .doc
        .hits_of(Category::Experience, "keyword")
        .next()
        .is_some();
    if exp.min_years.is_some()
        || exp.preferred_years.is_some()
        || !exp.phrases.is_empty()
        || any_keyword
    {
        return None;
    }
    Some(Finding {
        code: "missing-experience",
        severity: Severity::Info,
        message: "The posting states no experience requirement; candidates cannot tell whether they qualify.".into(),
        spans: Vec::new(),
    })
}
