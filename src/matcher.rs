//! The phrase matcher: one aho-corasick automaton over every literal lexicon phrase, plus the
//! lexicon's few regular expressions, both with whole-word semantics over normalised text.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex::Regex;

use crate::lexicon::{Category, Lexicon, Pattern};

/// The most regular-expression entries: each is a scan of every text, while all literal
/// phrases together are one.
pub const MAX_REGEXES: usize = 1000;
/// The most literal phrase bytes, all entries together: the automaton's memory grows with it.
pub const MAX_LITERAL_BYTES: usize = 32 << 20;
/// Up to this many phrase bytes the automaton is a DFA (fastest, but some hundred bytes of
/// memory per phrase byte); past it a contiguous NFA, which is smaller.
const DFA_LITERAL_BYTES: usize = 1 << 20;
/// Compiled size limit of one regular expression.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// A lexicon entry found in normalised text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    /// Index into `Lexicon::entries`.
    pub entry: usize,
}

/// Finds lexicon phrases in normalised text.
pub struct Matcher {
    automaton: AhoCorasick,
    /// Automaton pattern id to lexicon entry index.
    literal_entries: Vec<usize>,
    regexes: Vec<(Regex, usize)>,
    /// Per entry, its (category, signal) group: hits overlap only across groups.
    groups: Vec<usize>,
    /// Per entry, whether it only claims words for another meaning (value no, none...).
    claims: Vec<bool>,
    /// Per entry, its language, so one automaton serves every language.
    langs: Vec<String>,
}

impl Matcher {
    pub fn new(lexicon: &Lexicon) -> Result<Matcher, String> {
        let mut literals = Vec::new();
        let mut literal_entries = Vec::new();
        let mut regexes = Vec::new();
        for (index, entry) in lexicon.entries.iter().enumerate() {
            match &entry.pattern {
                Pattern::Literal(phrase) => {
                    literals.push(phrase.as_str());
                    literal_entries.push(index);
                }
                Pattern::Regex(source) => {
                    if regexes.len() == MAX_REGEXES {
                        return Err(format!(
                            "{}: more than {MAX_REGEXES} regular expressions",
                            entry.origin
                        ));
                    }
                    let re = regex::RegexBuilder::new(source)
                        .size_limit(REGEX_SIZE_LIMIT)
                        .build()
                        .map_err(|e| format!("{}: {e}", entry.origin))?;
                    regexes.push((re, index));
                }
            }
        }
        let literal_bytes: usize = literals.iter().map(|p| p.len()).sum();
        if literal_bytes > MAX_LITERAL_BYTES {
            return Err(format!(
                "the lexicons' phrases take {literal_bytes} bytes, more than {MAX_LITERAL_BYTES}"
            ));
        }
        let kind = (literal_bytes <= DFA_LITERAL_BYTES).then_some(AhoCorasickKind::DFA);
        // Overlapping search needs standard semantics; the leftmost-longest choice is made
        // below, after whole-word filtering, so "senior" still matches in "senior livingroom".
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(kind)
            .build(&literals)
            .or_else(|_| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&literals)
            })
            .map_err(|e| e.to_string())?;
        let mut keys: Vec<(Category, &str)> = Vec::new();
        let groups = lexicon
            .entries
            .iter()
            .map(|e| {
                let key = (e.category, e.signal.as_str());
                keys.iter().position(|k| *k == key).unwrap_or_else(|| {
                    keys.push(key);
                    keys.len() - 1
                })
            })
            .collect();
        let claims = lexicon.entries.iter().map(|e| e.is_claim()).collect();
        let langs = lexicon.entries.iter().map(|e| e.lang.clone()).collect();
        Ok(Matcher {
            automaton,
            literal_entries,
            regexes,
            groups,
            claims,
            langs,
        })
    }

    /// Whole-word hits in `text` of entries in one of `langs`, leftmost-longest and
    /// non-overlapping within each group of one category and signal (so "degree of" claims
    /// "degree"), sorted by position. Other languages' entries are dropped before the
    /// longest match is chosen, so they never claim words from the posting's own language.
    pub fn find(&self, text: &str, langs: &[&str]) -> Vec<Hit> {
        let wanted = |entry: usize| langs.contains(&self.langs[entry].as_str());
        let mut all: Vec<Hit> = self
            .automaton
            .find_overlapping_iter(text)
            .map(|m| Hit {
                start: m.start(),
                end: m.end(),
                entry: self.literal_entries[m.pattern().as_usize()],
            })
            .filter(|h| wanted(h.entry) && is_whole_word(text, h.start, h.end))
            .collect();
        for (re, entry) in self.regexes.iter().filter(|(_, e)| wanted(*e)) {
            all.extend(
                re.find_iter(text)
                    .filter(|m| !m.is_empty() && is_whole_word(text, m.start(), m.end()))
                    .map(|m| Hit {
                        start: m.start(),
                        end: m.end(),
                        entry: *entry,
                    }),
            );
        }
        // At one position a claim of another meaning ("lead to", "degree of") wins over the
        // phrase inside it, whatever their lengths; otherwise the longest wins.
        all.sort_by_key(|h| {
            (
                self.groups[h.entry],
                h.start,
                !self.claims[h.entry],
                std::cmp::Reverse(h.end),
                h.entry,
            )
        });
        // A claim silences every phrase it overlaps: "work independently and as part of a
        // team" claims the "work independently" that starts before it.
        let claims: Vec<(usize, usize, usize)> = all
            .iter()
            .filter(|h| self.claims[h.entry])
            .map(|h| (self.groups[h.entry], h.start, h.end))
            .collect();
        let claimed = |h: &Hit| {
            !self.claims[h.entry]
                && claims
                    .iter()
                    .any(|&(g, s, e)| g == self.groups[h.entry] && h.start < e && s < h.end)
        };
        let mut kept: Vec<Hit> = Vec::with_capacity(all.len());
        let mut reach: Option<(usize, usize)> = None;
        for hit in all {
            let group = self.groups[hit.entry];
            if claimed(&hit) {
                continue;
            }
            if let Some((g, end)) = reach {
                if g == group && hit.start < end {
                    continue;
                }
            }
            reach = Some((group, hit.end));
            kept.push(hit);
        }
        kept.sort_by_key(|h| (h.start, h.end));
        kept
    }
}

/// A match is a whole word when the characters around it are not letters or digits (the
/// match's own edge characters may be punctuation, as in "sr." or "c++").
pub fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let first = text[start..end].chars().next();
    let last = text[start..end].chars().next_back();
    let edge = |outside: Option<char>, inside: Option<char>| match (outside, inside) {
        (Some(o), Some(i)) => !(o.is_alphanumeric() && i.is_alphanumeric()),
        _ => true,
    };
    edge(before, first) && edge(after, last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::parse_file;

    fn matcher(lines: &str) -> (Lexicon, Matcher) {
        let text = format!("phrase\tsignal\tvalue\tnote\n{lines}");
        let entries = parse_file("en", Category::Title, "title.tsv", &text).unwrap();
        let lexicon = Lexicon { entries };
        let m = Matcher::new(&lexicon).unwrap();
        (lexicon, m)
    }

    fn found(lexicon: &Lexicon, m: &Matcher, text: &str) -> Vec<String> {
        m.find(text, &["en"])
            .iter()
            .map(|h| {
                format!(
                    "{}={}",
                    &text[h.start..h.end],
                    lexicon.entries[h.entry].value
                )
            })
            .collect()
    }

    #[test]
    fn table_of_matches() {
        let (lex, m) = matcher(
            "senior\tlevel\tmid-senior\nsenior living\tlevel\tnone\nsr.\tlevel\tmid-senior\n/engineer i{1,3}/\tlevel\tassociate\n",
        );
        let cases: &[(&str, &[&str])] = &[
            ("senior data scientist", &["senior=mid-senior"]),
            ("senior living aide", &["senior living=none"]),
            ("senior livingroom", &["senior=mid-senior"]),
            ("seniority", &[]),
            ("sr. analyst", &["sr.=mid-senior"]),
            ("data engineer ii", &["engineer ii=associate"]),
            ("data engineer iv", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(found(&lex, &m, text), *want, "{text}");
        }
    }
}
