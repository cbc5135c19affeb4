//! The phrase matcher: aho-corasick automata over the literal lexicon phrases (one per
//! language, with English), plus the lexicon's few regular expressions, both with whole-word
//! semantics over normalised text.
//!
//! A literal phrase can only match whole words where a word may start, so the automaton is
//! walked anchored from those positions alone (about one byte in six of running text), not
//! over every byte: short phrases ("i", "to", "or") would otherwise match inside most words
//! only to be dropped.
//!
//! The same walk tells which regular expressions can match at all: every match of most of
//! them starts with one of a few literal prefixes ("lead to", "engineer 1"), added to the
//! automaton as triggers. A whole-word match starts where the walk starts, so an expression
//! none of whose triggers was met has no whole-word match, and is not run.

use std::sync::OnceLock;

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous;
use aho_corasick::{Anchored, MatchKind};
use regex::Regex;
use regex_automata::{meta, Input};
use regex_syntax::hir::literal::{ExtractKind, Extractor};

use crate::lexicon::{Category, Lexicon, Pattern};

/// The most regular-expression entries: each is a scan of every text, while all literal
/// phrases together are one.
pub const MAX_REGEXES: usize = 1000;
/// The most literal phrase bytes, all entries together: the automaton's memory grows with it.
pub const MAX_LITERAL_BYTES: usize = 32 << 20;
/// Compiled size limit of one regular expression.
const REGEX_SIZE_LIMIT: usize = 1 << 20;
/// The most trigger prefixes, and their bytes, one regular expression adds to the automaton;
/// one with more is always run. (The shipped ones have at most 98, and 1.7 KB.)
const MAX_TRIGGERS: usize = 128;
const MAX_TRIGGER_BYTES: usize = 4096;

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
    /// Every literal phrase, for postings read with several languages besides English; it
    /// also checks at construction that the phrases build.
    all: Literals,
    /// Per language, an automaton over that language's phrases and English ones only, built
    /// on first use: most postings are read as one language plus English, and the short
    /// words of other languages ("a", "e", "de") would otherwise match all over the text
    /// only to be dropped.
    by_lang: Vec<OnceLock<Literals>>,
    /// Every literal phrase with its entry index, to build `by_lang`.
    phrases: Vec<(String, usize)>,
    /// Per regular expression, its entry index.
    regexes: Vec<(Regex, usize)>,
    /// Literal prefixes of regular expressions (an index into `regexes`): every match of an
    /// expression that has any starts with one of its own.
    triggers: Vec<(Vec<u8>, usize)>,
    /// Per regular expression, whether it has triggers (else it is always run).
    gated: Vec<bool>,
    /// Per regular expression with triggers, the same expression anchored at its start: run
    /// only where one of its triggers starts, so a posting costs the few places its prefixes
    /// occur, not a scan of the whole text per expression.
    anchored: Vec<Option<meta::Regex>>,
    /// Per entry, its (category, signal) group: hits overlap only across groups.
    groups: Vec<usize>,
    /// Per entry, whether it only claims words for another meaning (value no, none...).
    claims: Vec<bool>,
    /// The (category, signal) of each group, to find a group by name.
    keys: Vec<(Category, String)>,
    /// Per entry, an index into `lang_names`, so filtering a hit by language compares
    /// integers, not strings.
    langs: Vec<u16>,
    lang_names: Vec<String>,
}

/// An automaton over some of the literal phrases, walked anchored from word starts.
///
/// It is a contiguous NFA, not a DFA: anchored walks never follow failure transitions, so
/// an NFA step is nearly as cheap, and its states stay in cache (English and German take
/// 280 KB where a DFA took 2.5 MB; the DFA ran 5-10% slower and doubled peak memory).
struct Literals {
    automaton: contiguous::NFA,
    /// Automaton pattern id to what it stands for.
    targets: Vec<Target>,
    /// Whether any pattern starts with this byte: other positions are not walked.
    first_bytes: [bool; 256],
}

/// What a pattern of the automaton stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Target {
    /// A literal phrase: its lexicon entry index.
    Phrase(usize),
    /// A prefix of regular expression `k`'s matches (an index into `Matcher::regexes`).
    Trigger(usize),
}

impl Literals {
    fn new<'p>(
        phrases: impl Iterator<Item = &'p (String, usize)>,
        triggers: impl Iterator<Item = &'p (Vec<u8>, usize)>,
    ) -> Result<Literals, String> {
        let (literals, targets): (Vec<&[u8]>, Vec<Target>) = phrases
            .map(|(p, e)| (p.as_bytes(), Target::Phrase(*e)))
            .chain(triggers.map(|(p, k)| (p.as_slice(), Target::Trigger(*k))))
            .unzip();
        let mut first_bytes = [false; 256];
        for literal in &literals {
            if let Some(&b) = literal.first() {
                first_bytes[usize::from(b)] = true;
            }
        }
        // Standard semantics report every phrase that ends at a state, so that all
        // overlapping phrases are seen; the leftmost-longest choice is made after
        // whole-word filtering, so "senior" still matches in "senior livingroom".
        let automaton = contiguous::NFA::builder()
            .match_kind(MatchKind::Standard)
            .build(&literals)
            .map_err(|e| e.to_string())?;
        Ok(Literals {
            automaton,
            targets,
            first_bytes,
        })
    }

    /// Every occurrence of a pattern in `text` that starts where a whole word may start,
    /// as (start, end, what it stands for).
    fn scan(&self, text: &str, mut found: impl FnMut(usize, usize, Target)) {
        let nfa = &self.automaton;
        let start = nfa
            .start_state(Anchored::Yes)
            .expect("a contiguous NFA supports anchored searches");
        let bytes = text.as_bytes();
        for at in word_start_candidates(text) {
            if !self.first_bytes[usize::from(bytes[at])] {
                continue;
            }
            let mut state = start;
            for (offset, &byte) in bytes[at..].iter().enumerate() {
                state = nfa.next_state(Anchored::Yes, state, byte);
                if !nfa.is_special(state) {
                    continue;
                }
                if nfa.is_dead(state) {
                    break;
                }
                if nfa.is_match(state) {
                    let len = offset + 1;
                    for i in 0..nfa.match_len(state) {
                        let pattern = nfa.match_pattern(state, i);
                        // A match state also lists the phrases that end here but began
                        // later (its suffixes): only those that began at `at` count.
                        if nfa.pattern_len(pattern) == len {
                            found(at, at + len, self.targets[pattern.as_usize()]);
                        }
                    }
                }
            }
        }
    }
}

/// The character positions where a whole-word match may start: where the character or the
/// one before it is not a letter or digit (the first half of [`is_whole_word`]).
fn word_start_candidates(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut previous_alphanumeric = false;
    text.char_indices().filter_map(move |(at, c)| {
        let alphanumeric = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        let candidate = !(previous_alphanumeric && alphanumeric);
        previous_alphanumeric = alphanumeric;
        candidate.then_some(at)
    })
}

/// Literal prefixes one of which every match of regular expression `source` starts with,
/// when there are few enough to add to the phrase automaton; `None` when the expression must
/// always be run (it starts with a class or repetition, "[a-z]+ervaring").
fn match_prefixes(source: &str) -> Option<Vec<Vec<u8>>> {
    // `regex` parses with these same defaults, so the prefixes are those of its matches.
    let hir = regex_syntax::parse(source).ok()?;
    // Whole prefixes first; an expression whose alternatives multiply past the limits
    // ("(?:take|takes|taking) (?:direction|instructions)") still has short ones: the first
    // few bytes of each match, fewer and still a sound gate.
    [None, Some(8), Some(4)].into_iter().find_map(|len| {
        let mut extractor = Extractor::new();
        extractor.kind(ExtractKind::Prefix);
        if let Some(len) = len {
            extractor.limit_literal_len(len);
        }
        let prefixes = extractor.extract(&hir);
        let literals = prefixes.literals()?;
        let usable = !literals.is_empty()
            && literals.len() <= MAX_TRIGGERS
            && literals.iter().map(|l| l.len()).sum::<usize>() <= MAX_TRIGGER_BYTES
            && literals.iter().all(|l| !l.is_empty());
        usable.then(|| literals.iter().map(|l| l.as_bytes().to_vec()).collect())
    })
}

impl Matcher {
    pub fn new(lexicon: &Lexicon) -> Result<Matcher, String> {
        let mut phrases = Vec::new();
        let mut regexes = Vec::new();
        let mut triggers = Vec::new();
        let mut gated = Vec::new();
        let mut anchored = Vec::new();
        for (index, entry) in lexicon.entries.iter().enumerate() {
            match &entry.pattern {
                Pattern::Literal(phrase) => phrases.push((phrase.clone(), index)),
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
                    let prefixes = match_prefixes(source);
                    gated.push(prefixes.is_some());
                    anchored.push(match prefixes {
                        Some(_) => Some(
                            meta::Regex::builder()
                                .configure(
                                    meta::Config::new().nfa_size_limit(Some(REGEX_SIZE_LIMIT)),
                                )
                                .build(source)
                                .map_err(|e| format!("{}: {e}", entry.origin))?,
                        ),
                        None => None,
                    });
                    let k = regexes.len();
                    triggers.extend(prefixes.into_iter().flatten().map(|p| (p, k)));
                    regexes.push((re, index));
                }
            }
        }
        let literal_bytes: usize = phrases.iter().map(|(p, _)| p.len()).sum();
        if literal_bytes > MAX_LITERAL_BYTES {
            return Err(format!(
                "the lexicons' phrases take {literal_bytes} bytes, more than {MAX_LITERAL_BYTES}"
            ));
        }
        // Only postings read with two languages besides English need every phrase at once.
        let all = Literals::new(phrases.iter(), triggers.iter())?;
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
        let keys = keys.into_iter().map(|(c, s)| (c, s.to_string())).collect();
        let claims = lexicon.entries.iter().map(|e| e.is_claim()).collect();
        let mut lang_names: Vec<String> = Vec::new();
        let langs = lexicon
            .entries
            .iter()
            .map(|e| {
                let at = lang_names.iter().position(|l| *l == e.lang);
                at.unwrap_or_else(|| {
                    lang_names.push(e.lang.clone());
                    lang_names.len() - 1
                }) as u16
            })
            .collect();
        let by_lang = lang_names.iter().map(|_| OnceLock::new()).collect();
        Ok(Matcher {
            all,
            by_lang,
            phrases,
            regexes,
            triggers,
            gated,
            anchored,
            groups,
            claims,
            keys,
            langs,
            lang_names,
        })
    }

    /// The smallest automaton holding every wanted language's phrases: one language's plus
    /// English, else all. Every phrase's matches are found in both, so hits are the same.
    fn literals(&self, wanted: &[bool]) -> &Literals {
        let english = self.lang_names.iter().position(|l| l == "en");
        let mut others = (0..wanted.len()).filter(|&i| wanted[i] && Some(i) != english);
        let lang = match (others.next(), others.next()) {
            (Some(lang), None) => lang,
            (None, _) => match english {
                Some(en) => en,
                None => return &self.all,
            },
            (Some(_), Some(_)) => return &self.all,
        };
        self.by_lang[lang].get_or_init(|| {
            let mine = |e: usize| {
                let l = self.langs[e] as usize;
                l == lang || Some(l) == english
            };
            let phrases = self.phrases.iter().filter(|(_, e)| mine(*e));
            let triggers = self
                .triggers
                .iter()
                .filter(|(_, k)| mine(self.regexes[*k].1));
            Literals::new(phrases, triggers)
                .expect("a subset of patterns that built once builds again")
        })
    }

    /// The group of one category and signal, if any entry has it.
    pub fn group(&self, category: Category, signal: &str) -> Option<usize> {
        self.keys
            .iter()
            .position(|(c, s)| *c == category && s == signal)
    }

    /// Per lexicon entry, its group of one category and signal.
    pub fn groups(&self) -> &[usize] {
        &self.groups
    }

    /// Whole-word hits in `text` of entries in one of `langs`, leftmost-longest and
    /// non-overlapping within each group of one category and signal (so "degree of" claims
    /// "degree"), sorted by position. Other languages' entries are dropped before the
    /// longest match is chosen, so they never claim words from the posting's own language.
    pub fn find(&self, text: &str, langs: &[&str]) -> Vec<Hit> {
        let wanted_langs: Vec<bool> = self
            .lang_names
            .iter()
            .map(|l| langs.contains(&l.as_str()))
            .collect();
        let wanted = |entry: usize| wanted_langs[self.langs[entry] as usize];
        let literals = self.literals(&wanted_langs);
        let mut all: Vec<Hit> = Vec::new();
        // (expression, position) of every trigger met: where a gated expression may match.
        let mut triggered: Vec<(usize, usize)> = Vec::new();
        literals.scan(text, |start, end, target| match target {
            Target::Phrase(entry) => {
                if wanted(entry) && is_whole_word(text, start, end) {
                    all.push(Hit { start, end, entry });
                }
            }
            Target::Trigger(k) => triggered.push((k, start)),
        });
        triggered.sort_unstable();
        triggered.dedup();
        for (k, (re, entry)) in self.regexes.iter().enumerate() {
            if !wanted(*entry) {
                continue;
            }
            let hit = |start: usize, end: usize| {
                (start < end && is_whole_word(text, start, end)).then_some(Hit {
                    start,
                    end,
                    entry: *entry,
                })
            };
            match (&self.anchored[k], self.gated[k]) {
                (Some(anchored), true) => {
                    let from = triggered.partition_point(|&(j, _)| j < k);
                    let to = triggered.partition_point(|&(j, _)| j <= k);
                    // As `find_iter` does, a match is looked for past the last one's end.
                    let mut next = 0;
                    for &(_, at) in &triggered[from..to] {
                        if at < next {
                            continue;
                        }
                        // Anchored at the trigger, with the text before it in view, so "^" and
                        // "\b" see what they would in a scan of the whole text.
                        let input = Input::new(text)
                            .range(at..)
                            .anchored(regex_automata::Anchored::Yes);
                        if let Some(m) = anchored.search(&input) {
                            all.extend(hit(m.start(), m.end()));
                            next = m.end().max(at + 1);
                        }
                    }
                }
                _ => all.extend(re.find_iter(text).filter_map(|m| hit(m.start(), m.end()))),
            }
        }
        // At one position a claim of another meaning ("lead to", "degree of") wins over the
        // phrase inside it, whatever their lengths; otherwise the longest wins.
        // The key (group, start, not a claim, longest first, entry) is packed into one
        // integer that also holds the hit: `entry` makes it total, so an unstable sort of
        // plain integers gives the one stable order.
        let mut keys: Vec<u128> = all
            .iter()
            .map(|h| {
                let group = self.groups[h.entry] as u128;
                let claim = u128::from(!self.claims[h.entry]);
                let longest = u32::MAX - h.end as u32;
                group << 97
                    | (h.start as u128) << 65
                    | claim << 64
                    | (longest as u128) << 32
                    | h.entry as u128
            })
            .collect();
        keys.sort_unstable();
        all.clear();
        all.extend(keys.iter().map(|&k| Hit {
            start: (k >> 65) as u32 as usize,
            end: (u32::MAX - (k >> 32) as u32) as usize,
            entry: k as u32 as usize,
        }));
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
        // By position; hits at one (start, end) stay in group order, as a stable sort keeps
        // them: the index breaks ties.
        let mut order: Vec<u128> = kept
            .iter()
            .enumerate()
            .map(|(i, h)| (h.start as u128) << 64 | (h.end as u128) << 32 | i as u128)
            .collect();
        order.sort_unstable();
        order.iter().map(|&k| kept[k as u32 as usize]).collect()
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

    /// The anchored walk from word starts finds exactly the whole-word hits of an
    /// overlapping scan of every byte (the way rung matched before).
    #[test]
    fn walking_from_word_starts_finds_every_whole_word_hit() {
        let lexicon = Lexicon::embedded().unwrap();
        let m = Matcher::new(&lexicon).unwrap();
        let literals = &m.all;
        let patterns: Vec<&str> = m.phrases.iter().map(|(p, _)| p.as_str()).collect();
        let reference = aho_corasick::AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .unwrap();
        let sample = include_str!("../corpora/linkedin-muabdalaleam-sample.jsonl");
        let mut texts: Vec<String> = sample
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .map(|row| row["description"].as_str().unwrap_or("").to_lowercase())
            .collect();
        texts.extend(
            [
                "c++ and sr. engineers, 5+ years; b.s/m.s; p&l",
                "seniority senior-level (sr.) i ii iii iv",
                "führungserfahrung, 3-jährige berufserfahrung; ervaring één",
                "x",
                "",
            ]
            .map(String::from),
        );
        for text in &texts {
            let mut walked = Vec::new();
            literals.scan(text, |start, end, target| {
                if matches!(target, Target::Phrase(_)) && is_whole_word(text, start, end) {
                    walked.push((start, end, target));
                }
            });
            let mut scanned: Vec<(usize, usize, Target)> = reference
                .find_overlapping_iter(text.as_str())
                .map(|h| (h.start(), h.end(), literals.targets[h.pattern().as_usize()]))
                .filter(|&(start, end, _)| is_whole_word(text, start, end))
                .collect();
            walked.sort_unstable();
            scanned.sort_unstable();
            assert_eq!(walked, scanned, "{text}");
        }
    }

    /// Regular expressions run only when the walk met one of their triggers give the hits
    /// of running every one of them.
    #[test]
    fn triggers_skip_only_expressions_that_cannot_match() {
        let lexicon = Lexicon::embedded().unwrap();
        let gated = Matcher::new(&lexicon).unwrap();
        let mut always = Matcher::new(&lexicon).unwrap();
        always.gated.fill(false);
        assert!(gated.gated.iter().filter(|g| **g).count() * 2 > gated.gated.len());
        let sample = include_str!("../corpora/linkedin-muabdalaleam-sample.jsonl");
        let mut texts: Vec<(String, &str)> = sample
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .map(|row| row["description"].as_str().unwrap_or("").to_lowercase())
            .map(|text| (text, "en"))
            .collect();
        texts.extend(
            [
                ("you will lead the team and lead to results; a leading provider", "en"),
                ("misleading the team. leadership: leading a squad of five", "en"),
                ("senior engineer 2 / data scientist 1, responsible for the delivery of projects", "en"),
                ("no prior experience required; mentorship of senior staff", "en"),
                ("mehrjährige berufserfahrung; von vorteil: du leitest ein team", "de"),
                ("selbstständige arbeitsweise und programmiererfahrung", "de"),
                ("werkervaring en leiding geven aan een team", "nl"),
            ]
            .map(|(t, l)| (t.to_string(), l)),
        );
        let mut regex_hits = 0;
        for (text, lang) in &texts {
            let want = always.find(text, &["en", lang]);
            regex_hits += want
                .iter()
                .filter(|h| matches!(lexicon.entries[h.entry].pattern, Pattern::Regex(_)))
                .count();
            assert_eq!(gated.find(text, &["en", lang]), want, "{text}");
        }
        assert!(regex_hits > 10, "{regex_hits}");
    }

    #[test]
    fn prefixes_of_regular_expressions() {
        let prefixes = |s| {
            match_prefixes(s).map(|p| {
                p.into_iter()
                    .map(|b| String::from_utf8(b).unwrap())
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            prefixes("(?:lead|leads) to\\b").unwrap(),
            ["lead to", "leads to"]
        );
        assert_eq!(prefixes("(?m)^von vorteil").unwrap(), ["von vorteil"]);
        assert_eq!(prefixes("[a-z]+ervaring(?:en)?"), None);
        assert_eq!(prefixes("(?:a|b)?c*"), None);
    }

    #[test]
    fn one_language_and_english_share_a_small_automaton() {
        let lexicon = Lexicon::embedded().unwrap();
        let m = Matcher::new(&lexicon).unwrap();
        let mut wanted = vec![false; m.lang_names.len()];
        for lang in ["en", "de"] {
            wanted[m.lang_names.iter().position(|l| l == lang).unwrap()] = true;
        }
        let memory = m.literals(&wanted).automaton.memory_usage();
        assert!(memory < 1 << 20, "{memory} bytes");
        assert!(memory < m.all.automaton.memory_usage());
    }
}
