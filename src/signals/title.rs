//! Title: the level the title alone states.
//!
//! Level words and their false friends live in the title lexicon; the rules here are SPEC.md's:
//! with several level words the lowest wins, and a level in brackets made only of level words
//! ("(Senior) Data Scientist") is optional, so a senior one opens the post to the plain level.

use crate::analyzer::Doc;
use crate::level::Level;
use crate::lexicon::Category;
use crate::posting::{LevelPhrase, Span};

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

/// Words that introduce the role itself ("We are looking for a Senior Engineer"), so that a
/// level word after them describes this role rather than a colleague ("senior stakeholders").
const ROLE_INTRODUCERS: &[&str] = &[
    "as a",
    "as an",
    // With and without an article ("looking for senior engineers"); the article does not
    // count among the three words allowed between.
    "looking for",
    "looking for a",
    "looking for an",
    "seeking",
    "seeking a",
    "seeking an",
    "seeks",
    "seeks a",
    "seeks an",
    // Not "hiring" alone: "the hiring manager" is no level of the role.
    "hiring a",
    "hiring an",
    "searching for",
    "searching for a",
    "searching for an",
    "recruiting",
    "recruiting a",
    "recruiting an",
    "need a",
    "this is a",
    "this is an",
    "role is a",
    "role is an",
    "position is a",
    "position is an",
];

/// Level words the description uses for the role itself.
pub fn named_in_description(doc: &Doc) -> Vec<LevelPhrase> {
    let text = &doc.norm.text;
    doc.hits_of(Category::Title, "level")
        .filter_map(|(hit, entry)| Some((hit, Level::parse(&entry.value)?)))
        .filter(|(hit, _)| introduced(&text[..hit.start]))
        .map(|(hit, level)| LevelPhrase {
            level,
            span: doc.span(hit.start..hit.end),
        })
        .collect()
}

/// Words allowed between a role introducer and the level word ("seeks a Machine Learning
/// Summer Intern").
const WORDS_BETWEEN: usize = 3;
/// Words in the longest role introducer.
const LONGEST_INTRODUCER: usize = 3;

/// Whether `before` ends with a role introducer and at most [`WORDS_BETWEEN`] more words.
fn introduced(before: &str) -> bool {
    let clause = before
        .rsplit(['.', ',', ';', ':', '\n', '(', ')'])
        .next()
        .unwrap_or(before);
    // The clause's last words, last first: as many as the longest introducer and the words
    // allowed after it. Read from the end, a long clause costs no more than a short one.
    let last: Vec<&str> = clause
        .split_whitespace()
        .rev()
        .take(LONGEST_INTRODUCER + WORDS_BETWEEN)
        .collect();
    (0..=WORDS_BETWEEN.min(last.len())).any(|skip| {
        let head = &last[skip..];
        ROLE_INTRODUCERS.iter().any(|introducer| {
            let words = introducer.split(' ').rev();
            words.clone().count() <= head.len() && words.zip(head).all(|(a, b)| a == *b)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::{introduced, LONGEST_INTRODUCER, ROLE_INTRODUCERS};

    #[test]
    fn longest_introducer_is_counted() {
        let longest = ROLE_INTRODUCERS.iter().map(|i| i.split(' ').count()).max();
        assert_eq!(longest, Some(LONGEST_INTRODUCER));
    }

    #[test]
    fn role_introducers_up_to_three_words_back() {
        let cases = [
            ("we are looking for a ", true),
            ("acme seeks a machine learning summer ", true),
            ("acme seeks a machine learning summer research ", false),
            ("this is an ", true),
            ("in this role, as a ", true),
            ("as a. the ", false),
            ("overseeks a ", false),
            ("need a", true),
            ("", false),
            ("we need  a\tsenior ", true),
            ("we are looking for ", true),
            ("we are seeking a dynamic data analyst ", true),
            ("please contact the hiring ", false),
        ];
        for (before, want) in cases {
            assert_eq!(introduced(before), want, "{before:?}");
        }
    }
}
