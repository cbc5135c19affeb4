//! Autonomy: does the posting ask the candidate to work on their own, or under guidance?

use crate::doc::Doc;
use crate::lexicon::Category;
use crate::posting::Autonomy;

/// High or low when one side outnumbers the other; `None` when neither is stated or they
/// balance out.
pub fn extract(doc: &Doc) -> Option<Autonomy> {
    let (mut high, mut low) = (0, 0);
    for (hit, entry) in doc.hits_of(Category::Autonomy, "autonomy") {
        if doc.outside_requirements(hit.start) {
            continue;
        }
        match entry.value.as_str() {
            "high" => high += 1,
            "low" => low += 1,
            _ => {}
        }
    }
    match high.cmp(&low) {
        std::cmp::Ordering::Greater => Some(Autonomy::High),
        std::cmp::Ordering::Less => Some(Autonomy::Low),
        std::cmp::Ordering::Equal => None,
    }
}

/// The spans behind the autonomy answer, for reports.
pub fn mentions(doc: &Doc, autonomy: Autonomy) -> Vec<crate::posting::Span> {
    let want = match autonomy {
        Autonomy::High => "high",
        Autonomy::Low => "low",
    };
    doc.hits_of(Category::Autonomy, "autonomy")
        .filter(|(h, e)| e.value == want && !doc.outside_requirements(h.start))
        .map(|(h, _)| doc.span(h.start..h.end))
        .collect()
}
