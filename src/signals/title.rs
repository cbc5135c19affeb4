//! Title: the level the title alone states.
//!
//! Level words and their false friends live in the title lexicon; the rules here are SPEC.md's:
//! with several level words the lowest wins, and a level in brackets made only of level words
//! ("(Senior) Data Scientist") is optional, so a senior one opens the post to the plain level.

use crate::analyzer::Doc;
use crate::level::Level;
use crate::lexicon::Category;
use crate::posting::Span;

pub fn title_level(doc: &Doc) -> (Option<Level>, Vec<Span>) {
    let text = &doc.norm.text;
    let mut levels: Vec<(Level, std::ops::Range<usize>)> = Vec::new();
    for (hit, entry) in doc.hits_of(Category::Title, "level") {
        if let Some(level) = Level::parse(&entry.value) {
            levels.push((level, hit.start..hit.end));
        }
    }
    let optional = |range: &std::ops::Range<usize>| optional_bracket(text, range, &levels);
    let stated: Vec<&(Level, std::ops::Range<usize>)> = levels
        .iter()
        .filter(|(level, range)| !(*level >= Level::MidSenior && optional(range)))
        .collect();
    let lowest = stated.iter().map(|(l, _)| *l).min();
    let spans = stated
        .iter()
        .filter(|(l, _)| Some(*l) == lowest)
        .map(|(_, r)| doc.span(r.clone()))
        .collect();
    (lowest, spans)
}

/// A level word inside brackets that hold nothing but level words and separators.
fn optional_bracket(
    text: &str,
    range: &std::ops::Range<usize>,
    levels: &[(Level, std::ops::Range<usize>)],
) -> bool {
    let Some(open) = text[..range.start].rfind('(') else {
        return false;
    };
    if text[open..range.start].contains(')') {
        return false;
    }
    let Some(close) = text[range.end..].find(')').map(|p| p + range.end) else {
        return false;
    };
    let mut rest = text[open + 1..close].to_string();
    for (_, r) in levels
        .iter()
        .filter(|(_, r)| r.start > open && r.end <= close)
    {
        rest.replace_range(
            r.start - open - 1..r.end - open - 1,
            &" ".repeat(r.end - r.start),
        );
    }
    rest.chars()
        .all(|c| !c.is_alphanumeric() || c.is_whitespace())
        || rest
            .split(|c: char| !c.is_alphanumeric())
            .all(|w| w.is_empty() || matches!(w, "and" | "or" | "level"))
}
