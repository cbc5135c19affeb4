//! Title: the level the title alone states.
//!
//! Level words and their false friends live in the title lexicon; the rules here are SPEC.md's:
//! with several level words the lowest wins, and a level in brackets made only of level words
//! ("(Senior) Data Scientist") is optional, so a senior one opens the post to the plain level.
//! Two more say whose level a word is: after "to", "for", "reporting to" it is the boss's
//! ("Executive Assistant to the CEO"), and "Associate" as the last word of a role names the
//! role ("Customer Service Associate"), as a rank comes before the role it ranks.

use std::sync::LazyLock;

use crate::doc::Doc;
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
    let boss_from = someone_else_from(text);
    let stated: Vec<&(Level, std::ops::Range<usize>)> = levels
        .iter()
        .filter(|(level, range)| !(*level >= Level::MidSenior && optional(range)))
        .filter(|(_, range)| range.start < boss_from)
        .filter(|(level, range)| !(*level == Level::Associate && ends_role(text, range)))
        .collect();
    let lowest = stated.iter().map(|(l, _)| *l).min();
    let spans = stated
        .iter()
        .filter(|(l, _)| Some(*l) == lowest)
        .map(|(_, r)| doc.span(r.clone()))
        .collect();
    (lowest, spans)
}

/// Words after which a title speaks of the person the role serves ("to the CEO", "for the
/// Managing Director"): one word, or two where the first alone also introduces the role
/// itself ("Hiring for Senior Engineers").
const SOMEONE_ELSE: &[&[&str]] = &[
    &["to"],
    &["for", "the"],
    &["for", "our"],
    &["supporting", "the"],
    &["supporting", "our"],
];

/// The offset from which a title's level words are somebody else's: the first of
/// [`SOMEONE_ELSE`] after the role's first word; the title's end when there is none.
fn someone_else_from(text: &str) -> usize {
    let words: Vec<(usize, &str)> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    (1..words.len())
        // "Equivalent to SDE II" compares the role with a level rather than serving one.
        .filter(|&i| words[i - 1].1 != "equivalent")
        .find(|&i| {
            SOMEONE_ELSE.iter().any(|pattern| {
                words[i..].len() >= pattern.len()
                    && pattern.iter().zip(&words[i..]).all(|(p, (_, w))| p == w)
            })
        })
        .map_or(text.len(), |i| words[i].0)
}

/// Whether the word at `range` ends a role's name ("Customer Service Associate - Part
/// Time"): a word stands right before it and only the title's end or a separator after it.
/// After a separator it ranks the role before ("Software Engineer, Associate").
fn ends_role(text: &str, range: &std::ops::Range<usize>) -> bool {
    let after_word = text[..range.start]
        .trim_end_matches(' ')
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    let last = text[range.end..]
        .trim_start()
        .chars()
        .next()
        .is_none_or(|c| matches!(c, '-' | '|' | '/' | ',' | '(' | ')' | ':' | ';' | '@'));
    after_word && last
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

/// The words of each role introducer, last first, split once: `introduced` runs for every
/// level word of a description.
static INTRODUCER_WORDS: LazyLock<Vec<Vec<&str>>> = LazyLock::new(|| {
    ROLE_INTRODUCERS
        .iter()
        .map(|introducer| introducer.split(' ').rev().collect())
        .collect()
});

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
        INTRODUCER_WORDS
            .iter()
            .any(|words| words.len() <= head.len() && words.iter().zip(head).all(|(a, b)| a == b))
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
