//! Leadership: people management, mentoring, leading work, strategy and budget.
//!
//! Lexicon entries with value `yes` set a signal; entries with value `no` ("mentored by",
//! "reports to") claim their words so that the shorter phrase inside them does not count.

use crate::doc::Doc;
use crate::lexicon::Category;
use crate::posting::{Leadership, LeadershipMention};

pub fn extract(doc: &Doc) -> Leadership {
    let mut leadership = Leadership::default();
    for hit in &doc.hits {
        let entry = doc.entry(hit);
        if entry.category != Category::Leadership
            || entry.value != "yes"
            || doc.outside_requirements(hit.start)
        {
            continue;
        }
        let flag = match entry.signal.as_str() {
            "people_management" => &mut leadership.people_management,
            "mentoring" => &mut leadership.mentoring,
            "leads_work" => &mut leadership.leads_work,
            "strategy" => &mut leadership.strategy,
            "budget" => &mut leadership.budget,
            _ => continue,
        };
        *flag = true;
        leadership.mentions.push(LeadershipMention {
            signal: entry.signal.clone(),
            span: doc.span(hit.start..hit.end),
        });
    }
    leadership
}
