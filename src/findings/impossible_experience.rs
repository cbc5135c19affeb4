//! `impossible-experience`: more years of a technology than it has existed ("10 years of
//! Kubernetes", first released 2014). Release years come from the technology lexicon.

use super::Context;
use crate::lexicon::Category;
use crate::posting::{Finding, Severity};

/// How far after a years figure a technology name may stand ("5+ years of hands-on Kubernetes").
const REACH: usize = 60;

pub fn check(cx: &Context) -> Option<Finding> {
    let doc = cx.doc;
    let this_year = current_year();
    // Original offsets of the technology names, found once.
    let technologies: Vec<_> = doc
        .hits_of(Category::Technology, "released")
        .map(|(hit, entry)| {
            (
                doc.norm.original_range(hit.start..hit.end).start,
                hit,
                entry,
            )
        })
        .collect();
    if technologies.is_empty() {
        return None;
    }
    for mention in &cx.analysis.experience.mentions {
        let end = mention.span.end;
        for &(start, hit, entry) in &technologies {
            let between = doc.original.get(end..start).unwrap_or("\n");
            if start < end || start - end > REACH || between.contains(['\n', '.', ';']) {
                continue;
            }
            let span = doc.span(hit.start..hit.end);
            let existed = this_year - entry.number();
            if mention.min > existed + 0.5 {
                return Some(Finding {
                    code: "impossible-experience",
                    severity: Severity::Error,
                    message: format!(
                        "Asks for {} of {}, which was first released in {} (about {} ago).",
                        crate::scorer::years(mention.min),
                        span.text,
                        entry.value,
                        crate::scorer::years(existed)
                    ),
                    spans: vec![mention.span.clone(), span],
                });
            }
        }
    }
    None
}

/// The current calendar year (UTC) from the clock (the system's, or the host's).
fn current_year() -> f64 {
    let secs = crate::clock::now_secs();
    (1970.0 + secs as f64 / (365.2425 * 86_400.0)).floor()
}
