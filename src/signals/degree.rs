//! Degree: the lowest degree that satisfies the requirement, whether it is required, whether
//! experience may replace it, and whether the candidate must still be a student.

use std::ops::Range;

use crate::doc::Doc;
use crate::lexicon::{Category, DEGREE_LEVELS};
use crate::posting::{Degree, DegreeMention, Experience, Requirement};

/// Words that may follow a degree abbreviation ("BS in", "MS/PhD", "BA or"); anything else
/// ("MS Office", "BA team") means the letters are not a degree.
const ABBREVIATION_FOLLOWERS: &[&str] = &[
    "in",
    "or",
    "and",
    "degree",
    "from",
    "with",
    "plus",
    "of",
    "required",
    "preferred",
    "level",
];

/// Spelled figures that may follow "degree or" ("or four years of experience").
const NUMBER_WORDS: &[&str] = &[
    "two ", "three ", "four ", "five ", "six ", "seven ", "eight ", "ten ",
];

pub fn extract(doc: &Doc, experience: &Experience) -> Degree {
    let text = &doc.norm.text;
    let mut degree = Degree::default();
    let enrolment: Vec<(Range<usize>, bool)> = doc
        .hits_of(Category::Degree, "enrolled")
        .filter(|(h, _)| !doc.outside_requirements(h.start))
        .filter_map(|(h, e)| Some((doc.segment_at(h.start)?.range.clone(), e.value == "yes")))
        .collect();
    degree.enrolled_student = enrolment.iter().any(|(_, yes)| *yes);
    // A degree in a sentence about being (or not being) enrolled is being studied for, not
    // required: "currently enrolled in a Master's programme".
    let enrolled: Vec<Range<usize>> = enrolment.into_iter().map(|(r, _)| r).collect();

    let found: Vec<(Range<usize>, &'static str)> = doc
        .hits
        .iter()
        .filter_map(|h| {
            let e = doc.entry(h);
            let abbreviation = e.signal == "abbreviation";
            if e.category != Category::Degree || !(e.signal == "degree" || abbreviation) {
                return None;
            }
            if abbreviation && !abbreviation_is_degree(doc, h.start, h.end) {
                return None;
            }
            if doc.outside_requirements(h.start) || enrolled.iter().any(|r| r.contains(&h.start)) {
                return None;
            }
            // "not-a-degree" entries only claim their words; they find no level here.
            let level = DEGREE_LEVELS
                .iter()
                .chain([&UNSPECIFIED])
                .find(|l| **l == e.value)?;
            Some((h.start..h.end, *level))
        })
        .collect();
    let ranges: Vec<Range<usize>> = found.iter().map(|(r, _)| r.clone()).collect();
    let mentions: Vec<(Range<usize>, &'static str, Requirement)> = found
        .iter()
        .map(|(range, level)| {
            (
                range.clone(),
                *level,
                doc.requirement(range.clone(), &ranges),
            )
        })
        .collect();
    let mentions = shared_requirements(doc, mentions);
    degree.mentions = mentions
        .iter()
        .filter_map(|(range, level, requirement)| {
            let level = if *level == UNSPECIFIED {
                if named_beside(doc, range, *requirement, &mentions) {
                    return None;
                }
                "bachelor"
            } else {
                level
            };
            Some(DegreeMention {
                level,
                requirement: *requirement,
                span: doc.span(range.clone()),
            })
        })
        .collect();
    let rank = |l: &str| DEGREE_LEVELS.iter().position(|x| *x == l).unwrap_or(0);
    let lowest = |req: Requirement| {
        degree
            .mentions
            .iter()
            .filter(|m| m.requirement == req)
            .min_by_key(|m| rank(m.level))
            .map(|m| m.level)
    };
    if let Some(level) = lowest(Requirement::Required) {
        degree.level = Some(level);
        degree.required = Some(true);
    } else if let Some(level) = lowest(Requirement::Preferred) {
        degree.level = Some(level);
        degree.required = Some(false);
    }
    if degree.level == Some("none") {
        degree.required = Some(false);
    }
    degree.or_equivalent = degree.level.is_some() && replaceable(doc, &found, experience, text);
    degree
}

/// Words after a degree that make it optional: "Bachelor's degree (not required)".
const NOT_REQUIRED: &[&str] = &[
    "not required",
    "not mandatory",
    "not essential",
    "not a must",
];

/// How far after a degree, on its own line, "not required" may stand and still be about it.
const NOT_REQUIRED_REACH: usize = 100;

/// Degrees that share one requirement: "a bachelor's or higher degree ... preferred" makes
/// both preferred, as does a "(not required)" after the degree on its line.
fn shared_requirements<'l>(
    doc: &Doc,
    mut mentions: Vec<(Range<usize>, &'l str, Requirement)>,
) -> Vec<(Range<usize>, &'l str, Requirement)> {
    let text = &doc.norm.text;
    for i in 0..mentions.len() {
        if mentions[i].2 != Requirement::Required || mentions[i].1 == "none" {
            continue;
        }
        let end = mentions[i].0.end;
        // The rest of the line, up to the next degree mention.
        let line_end = text[end..].find('\n').map_or(text.len(), |n| end + n);
        let next = mentions.get(i + 1).map_or(line_end, |m| m.0.start.max(end));
        let reach = (end + NOT_REQUIRED_REACH).min(line_end).min(next);
        let after = text.get(end..reach).unwrap_or("");
        // Only when nothing else that could be required stands between them: not in
        // "Bachelor's degree required; experience not required".
        let about_degree = |at: usize| {
            let between = &after[..at];
            !["required", "experience", "year", "licen", "certif", ";"]
                .iter()
                .any(|w| between.contains(w))
        };
        if NOT_REQUIRED
            .iter()
            .any(|w| after.find(w).is_some_and(about_degree))
        {
            mentions[i].2 = Requirement::Preferred;
        }
    }
    // Backwards, so a preference passes along a chain ("BA, BS or MA preferred").
    for i in (0..mentions.len().saturating_sub(1)).rev() {
        let (this, next) = (&mentions[i], &mentions[i + 1]);
        if this.2 != Requirement::Required || next.2 != Requirement::Preferred {
            continue;
        }
        // "Candidates must possess a high school diploma or GED. 1-2 years preferred" (a
        // sentence the text runs together) keeps its requirement.
        let same_segment = doc.segment_at(this.0.start).is_some_and(|s| {
            let before = text.get(s.range.start..this.0.start).unwrap_or("");
            s.range.contains(&next.0.start)
                && !before.contains("must")
                && !before.contains("required")
        });
        let between = text
            .get(this.0.end..next.0.start)
            .unwrap_or("")
            .trim_matches([' ', ',']);
        if same_segment && matches!(between, "or" | "/" | "or a" | "or an" | "and/or") {
            mentions[i].2 = Requirement::Preferred;
        }
    }
    mentions
}

/// The lexicon's value for a degree of no stated level ("a university degree").
const UNSPECIFIED: &str = "unspecified";

/// A named degree in the same sentence and with the same requirement says which degree an
/// unspecified one means: "a degree (MSc/PhD)" is a master's.
fn named_beside(
    doc: &Doc,
    range: &Range<usize>,
    requirement: Requirement,
    mentions: &[(Range<usize>, &str, Requirement)],
) -> bool {
    let segment = doc.segment_at(range.start).map(|s| s.range.clone());
    // "An engineering degree and/or MBA" offers two degrees; the lower one stands.
    let alternative = |r: &Range<usize>| {
        let between = doc
            .norm
            .text
            .get(range.end..r.start)
            .unwrap_or("")
            .trim_matches([' ', ',']);
        matches!(between, "or" | "and/or" | "or a" | "or an")
    };
    mentions.iter().any(|(r, level, req)| {
        *level != UNSPECIFIED
            && *level != "none"
            && *req == requirement
            && segment.as_ref().is_some_and(|s| s.contains(&r.start))
            && !alternative(r)
    })
}

/// "or equivalent experience" in a degree's sentence, or "degree or 4 years of experience".
fn replaceable(
    doc: &Doc,
    found: &[(Range<usize>, &str)],
    experience: &Experience,
    text: &str,
) -> bool {
    let segments: Vec<Range<usize>> = found
        .iter()
        .filter_map(|(r, _)| doc.segment_at(r.start).map(|s| s.range.clone()))
        .collect();
    let equivalent = doc
        .hits_of(Category::Degree, "equivalent")
        .filter(|(_, e)| e.value == "yes")
        .any(|(h, _)| segments.iter().any(|s| s.contains(&h.start)));
    // "Bachelor's degree or four years of work experience": a figure right after "or".
    let years_instead = found.iter().any(|(r, _)| {
        let Some(segment) = doc.segment_at(r.start) else {
            return false;
        };
        let after = text.get(r.end..segment.range.end).unwrap_or("");
        after.match_indices(" or ").any(|(at, _)| {
            let next = after[at + 4..].trim_start();
            let figure = next.starts_with(|c: char| c.is_ascii_digit())
                || NUMBER_WORDS.iter().any(|w| next.starts_with(w));
            figure && next.contains("year") && experience.min_years.is_some()
        })
    });
    equivalent || years_instead
}

/// Letters such as "BS" or "MA" are a degree only in upper case and before a degree-ish word.
pub(crate) fn abbreviation_is_degree(doc: &Doc, start: usize, end: usize) -> bool {
    let original = doc.span(start..end).text;
    if !original.chars().any(|c| c.is_uppercase()) {
        return false;
    }
    let text = &doc.norm.text;
    let after = text[end..].trim_start();
    if after.starts_with(['/', ',', '(', ')', '+', '.', ';']) || after.is_empty() {
        return true;
    }
    let before = text[..start].trim_end();
    if before.ends_with('/') || before.ends_with(" or") {
        return true;
    }
    let next: String = after.chars().take_while(|c| c.is_alphanumeric()).collect();
    ABBREVIATION_FOLLOWERS.contains(&next.as_str())
}
