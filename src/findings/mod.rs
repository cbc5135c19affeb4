//! Findings: one rule per file. Each rule looks at a finished analysis and says, with spans,
//! where the title and the requirements disagree. Precision before recall: a rule stays
//! silent unless the evidence is plain.

mod declared_level_mismatch;
mod degree_inflation;
mod experience_contradiction;
mod impossible_experience;
mod leadership_mismatch;
mod missing_experience;
mod title_above_requirements;
mod title_below_requirements;

use crate::doc::Doc;
use crate::posting::{Analysis, Finding};

/// Every finding code rung can emit, with its default severity and a one-line description.
pub const CODES: &[(&str, &str, &str)] = &[
    (
        "title-below-requirements",
        "warning",
        "the title states a lower level than the requirements imply",
    ),
    (
        "title-above-requirements",
        "warning",
        "the title states a higher level than the requirements imply",
    ),
    (
        "experience-contradiction",
        "warning",
        "the posting contradicts itself about experience",
    ),
    (
        "degree-inflation",
        "warning",
        "a degree is required above what the level usually needs",
    ),
    (
        "leadership-mismatch",
        "warning",
        "leadership duties do not fit the level",
    ),
    (
        "impossible-experience",
        "error",
        "more years of a technology than it has existed",
    ),
    (
        "declared-level-mismatch",
        "warning",
        "the declared level is two or more rungs from the implied one",
    ),
    (
        "missing-experience",
        "info",
        "no experience requirement of any kind is stated",
    ),
];

/// What a rule sees.
pub struct Context<'a> {
    pub doc: &'a Doc<'a>,
    pub analysis: &'a Analysis,
}

type Rule = fn(&Context) -> Option<Finding>;

const RULES: &[Rule] = &[
    title_below_requirements::check,
    title_above_requirements::check,
    experience_contradiction::check,
    degree_inflation::check,
    leadership_mismatch::check,
    impossible_experience::check,
    declared_level_mismatch::check,
    missing_experience::check,
];

pub fn run(doc: &Doc, analysis: &Analysis) -> Vec<Finding> {
    let cx = Context { doc, analysis };
    RULES.iter().filter_map(|rule| rule(&cx)).collect()
}

impl Context<'_> {
    /// The span of the required years figure that sets `min_years`.
    pub fn governing_years_span(&self) -> Vec<crate::posting::Span> {
        let exp = &self.analysis.experience;
        exp.mentions
            .iter()
            .filter(|m| {
                Some(m.min) == exp.min_years
                    && m.requirement == crate::posting::Requirement::Required
            })
            .map(|m| m.span.clone())
            .take(1)
            .collect()
    }
}
