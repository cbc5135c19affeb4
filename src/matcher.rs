//! The phrase matcher: the literal lexicon phrases as a trie over token numbers (one per
//! language, with English), plus the lexicon's few regular expressions, both with whole-word
//! semantics over normalised text.
//!
//! The text is tokenized once ([`crate::token`]) and each token looked up in the phrases'
//! vocabulary; the trie is walked only from tokens that begin a phrase, one hash look-up a
//! token, instead of byte by byte through an automaton.
//!
//! The same pass tells which regular expressions can match at all: every match of most of
//! them starts with one of a few literal prefixes ("lead to", "engineer 1"), looked for at
//! each token as triggers. An expression none of whose triggers was met has no whole-word
//! match, and is not run; the others run anchored at their triggers only, and, for those
//! that cannot match a line break, only where the rest of the trigger's line holds one of
//! the literals every match needs ("budget" after "manage").
//!
//! The years grammar's word lists (number words, units, range markers...) are not matched:
//! the grammar is built from them and finds them in context
//! ([`crate::lexicon::Entry::is_grammar_word`]).

use std::sync::OnceLock;

use regex_automata::util::prefilter::Prefilter;
use regex_automata::{meta, Input, MatchKind, Span};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Class, Hir, HirKind, Literal};

use rustc_hash::FxHashMap;

use crate::lexicon::{Category, Lexicon, Pattern};
use crate::token::{self, Gap, Token, Vocabulary};

/// The most regular-expression entries: each is a scan of every text, while all literal
/// phrases together are one.
pub const MAX_REGEXES: usize = 1000;
/// The most literal phrase bytes, all entries together: the trie's memory grows with it.
pub const MAX_LITERAL_BYTES: usize = 32 << 20;
/// Compiled size limit of one regular expression.
const REGEX_SIZE_LIMIT: usize = 1 << 20;
/// The most trigger prefixes, and their bytes, one regular expression may have; one with
/// more is always run. (The shipped ones have at most 569, and 8.6 KB.)
const MAX_TRIGGERS: usize = 1024;
const MAX_TRIGGER_BYTES: usize = 16384;

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
    /// The tokens of every phrase and trigger, numbered.
    vocabulary: Vocabulary,
    /// Every literal phrase, for postings read with several languages besides English.
    all: Trie,
    /// Per language, a trie over that language's phrases and English ones only, built on
    /// first use: most postings are read as one language plus English, and the short words
    /// of other languages ("a", "e", "de") would otherwise match all over the text only to
    /// be dropped.
    by_lang: Vec<OnceLock<Trie>>,
    /// Every literal phrase as tokens, with its entry index, to build `by_lang`.
    phrases: Vec<(Vec<(Gap, u32)>, usize)>,
    /// Per regular expression, compiled, and its entry index.
    regexes: Vec<(meta::Regex, usize)>,
    /// Literal prefixes of regular expressions, by the tokens they start with: every match
    /// of an expression that has any starts with one of its own.
    triggers: Triggers,
    /// Per regular expression, whether it has triggers: then it is run anchored where one
    /// of them starts, so a posting costs the few places its prefixes occur, not a scan of
    /// the whole text per expression. Else it scans the whole text.
    gated: Vec<bool>,
    /// Per gated expression, when it can match no line break: the literals one of which
    /// every match holds past its trigger (`inner_literals`), looked for in the rest of the
    /// trigger's line before the expression is run there. Nineteen in twenty anchored
    /// searches fail, most of them for want of the word that makes the phrase ("staff of",
    /// "budget" after "manage"), and a literal search is several times cheaper.
    inner: Vec<Option<Prefilter>>,
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

/// A phrase as (gap before, token number) pairs, its tokens numbered in `vocabulary`.
fn phrase_tokens(vocabulary: &mut Vocabulary, phrase: &str) -> Vec<(Gap, u32)> {
    token::tokens(phrase)
        .iter()
        .map(|t| (t.gap, vocabulary.intern(&phrase[t.range()])))
        .collect()
}

/// A trie over some of the literal phrases, keyed by token numbers and the gaps between
/// them, walked from each token that can begin one.
///
/// A phrase and a stretch of text with the same tokens and gaps are the same bytes, and a
/// stretch that starts and ends at token edges is whole words; every whole-word occurrence
/// of a phrase starts and ends at token edges. So the walk finds exactly the whole-word
/// occurrences of every phrase, overlapping ones included.
struct Trie {
    /// Per token number, the node of the phrases it begins and the range of the triggers'
    /// groups that may start at it (`Triggers::of_token`, copied so that a scan reads one
    /// entry a token, not two tables).
    roots: Vec<Root>,
    /// Per token number, whether anything starts at it (phrases or triggers), and last, for
    /// tokens outside the vocabulary, false: most tokens are passed over on this alone.
    busy: Vec<bool>,
    /// (node, gap, token) to the child node, below the roots.
    edges: FxHashMap<u64, u32>,
    /// Per node, the range of `entries` ending there.
    ends: Vec<(u32, u32)>,
    /// Lexicon entry indices, grouped by the node they end at.
    entries: Vec<u32>,
}

/// What may start at one token: the node of the phrases it begins, or [`NO_NODE`], and the
/// range of `Triggers::groups` that may.
#[derive(Clone, Copy)]
struct Root {
    node: u32,
    groups: (u32, u32),
}

#[inline]
fn edge(node: u32, gap: Gap, token: u32) -> u64 {
    u64::from(node) << 34 | (gap as u64) << 32 | u64::from(token)
}

impl Trie {
    /// The trie of `phrases`, whose tokens are numbered below the length of `of_token`,
    /// which gives each token's range of the triggers' groups.
    fn new<'p>(
        of_token: &[(u32, u32)],
        phrases: impl Iterator<Item = &'p (Vec<(Gap, u32)>, usize)>,
    ) -> Trie {
        let mut roots: Vec<Root> = of_token
            .iter()
            .map(|&groups| Root {
                node: NO_NODE,
                groups,
            })
            .collect();
        let mut edges = FxHashMap::default();
        let mut ending: Vec<Vec<u32>> = Vec::new();
        for (tokens, entry) in phrases {
            let Some(&(_, first)) = tokens.first() else {
                continue;
            };
            let mut new_node = || {
                ending.push(Vec::new());
                ending.len() as u32 - 1
            };
            let root = &mut roots[first as usize].node;
            if *root == NO_NODE {
                *root = new_node();
            }
            let mut node = *root;
            for &(gap, token) in &tokens[1..] {
                node = *edges
                    .entry(edge(node, gap, token))
                    .or_insert_with(&mut new_node);
            }
            ending[node as usize].push(*entry as u32);
        }
        let mut ends = Vec::with_capacity(ending.len());
        let mut entries = Vec::new();
        for list in ending {
            let from = entries.len() as u32;
            entries.extend(list);
            ends.push((from, entries.len() as u32));
        }
        let busy = roots
            .iter()
            .map(|r| r.node != NO_NODE || r.groups.0 != r.groups.1)
            .chain([false])
            .collect();
        Trie {
            roots,
            busy,
            edges,
            ends,
            entries,
        }
    }

    /// Every phrase occurrence starting at token `i` of `tokens` (with their numbers in
    /// `ids`), as (start, end, entry), given the node `node` its token begins.
    #[inline]
    fn walk(
        &self,
        tokens: &[Token],
        ids: &[u32],
        i: usize,
        node: u32,
        found: &mut impl FnMut(usize, usize, usize),
    ) {
        if node == NO_NODE {
            return;
        }
        let start = tokens[i].start as usize;
        let mut node = node;
        let mut j = i;
        loop {
            let (from, to) = self.ends[node as usize];
            for &entry in &self.entries[from as usize..to as usize] {
                found(start, tokens[j].end as usize, entry as usize);
            }
            j += 1;
            let (Some(token), Some(&id)) = (tokens.get(j), ids.get(j)) else {
                return;
            };
            if token.gap == Gap::Other || id == NO_TOKEN {
                return;
            }
            match self.edges.get(&edge(node, token.gap, id)) {
                Some(&next) => node = next,
                None => return,
            }
        }
    }

    #[cfg(test)]
    fn memory_usage(&self) -> usize {
        self.roots.len() * std::mem::size_of::<Root>()
            + self.edges.capacity() * 16
            + self.ends.len() * 8
            + self.entries.len() * 4
    }
}

/// The number of a text token outside the vocabulary.
pub const NO_TOKEN: u32 = u32::MAX;
/// No node: the token begins no phrase.
const NO_NODE: u32 = u32::MAX;

/// Where a regular expression may match: at a token that starts with one of its literal
/// prefixes (every match starts with one).
#[derive(Default)]
struct Triggers {
    /// Every prefix: its text, its expression, and whether it ends inside its first word
    /// ("managin" of "managing", "lead" of "lead\b"), so that the text's token need only
    /// start with it; otherwise the text's first token is the prefix's.
    prefixes: Vec<(Box<str>, usize, bool)>,
    /// The number of each prefix's first token, for those that do not end inside it.
    first_tokens: Vec<(u32, usize)>,
    /// Per vocabulary token, the range of `groups` that may start at it. Built by `finish`.
    of_token: Vec<(u32, u32)>,
    /// (expression, range of `checks`): the expression may match at the token if the text
    /// right after it starts with one of those rests of its prefixes (the first token is
    /// the token itself), or always when the range is empty (an open prefix the token
    /// starts with).
    groups: Vec<(u32, u32, u32)>,
    checks: Vec<Rest>,
    /// For tokens outside the vocabulary: open prefixes by their first bytes (at most
    /// [`HEAD`]), and the lengths those keys have.
    by_head: FxHashMap<u32, Vec<u32>>,
    head_lens: Vec<usize>,
    /// Whether an open prefix starts with these two bytes (a bit per pair), or is this
    /// one byte: most words outside the vocabulary are passed over without a look-up.
    /// Only prefixes of expressions without `first_words` count: a word outside the
    /// vocabulary can begin no match of the others.
    heads: Vec<u64>,
    /// Per expression whose every match begins with one of a few whole words ("train",
    /// "trains", "training"... in "(?:train|coach)(?:s|ing)? (?:and|or) ..."), those words'
    /// numbers, sorted: a prefix met at any other word ("training" opens "train", and so
    /// does "trainee") cannot start a match there. `None` for the others.
    first_words: Vec<Option<Vec<u32>>>,
}

/// The rest of a trigger prefix after its first token, that the text after the token must
/// start with. Its first eight bytes are one integer, so that most checks are one load, a
/// mask and a comparison.
struct Rest {
    head: u64,
    mask: u64,
    bytes: Box<[u8]>,
}

impl Rest {
    fn new(bytes: &[u8]) -> Rest {
        let n = bytes.len().min(8);
        let mut head = [0u8; 8];
        head[..n].copy_from_slice(&bytes[..n]);
        let mask = if n == 8 {
            u64::MAX
        } else {
            (1u64 << (8 * n)) - 1
        };
        Rest {
            head: u64::from_le_bytes(head),
            mask,
            bytes: bytes.into(),
        }
    }

    /// Whether `text` starts with one of `rests`.
    #[inline]
    fn any_starts(rests: &[Rest], text: &[u8]) -> bool {
        let Some(eight) = text.get(..8) else {
            return rests.iter().any(|r| token::starts_with(text, &r.bytes));
        };
        let word = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
        rests.iter().any(|r| {
            word & r.mask == r.head
                && (r.bytes.len() <= 8 || token::starts_with(&text[8..], &r.bytes[8..]))
        })
    }
}

/// How many tokens the scan sifts at a time (`Matcher::scan`).
const SIFT_BLOCK: usize = 256;

/// The most bytes of an open prefix that key it.
const HEAD: usize = 3;

/// The bit of `Triggers::heads` for the first two bytes of a word (or its one byte).
#[inline]
fn head_bit(word: &[u8]) -> usize {
    match word {
        [a, b, ..] => usize::from(*a) << 8 | usize::from(*b),
        [a] => (1 << 16) + usize::from(*a),
        [] => (1 << 16) + 256,
    }
}

/// The key of a prefix's first bytes, at most [`HEAD`] of them.
#[inline]
fn head(bytes: &[u8]) -> u32 {
    let mut key = bytes.len() as u32;
    for &b in bytes {
        key = key << 8 | u32::from(b);
    }
    key
}

impl Triggers {
    /// Triggers for the prefixes of expression `k`; `false` when they cannot be told at
    /// tokens (a prefix opening with white space), and the expression must always run.
    fn add(
        &mut self,
        vocabulary: &mut Vocabulary,
        prefixes: &[Vec<u8>],
        first_words: Option<Vec<String>>,
        k: usize,
    ) -> bool {
        // A prefix cut short may end inside a character: its whole characters still start
        // every match it started.
        let prefixes: Vec<&str> = prefixes.iter().map(|p| whole_chars(p)).collect();
        let usable = |p: &&str| token::tokens(p).first().is_some_and(|t| t.start == 0);
        if !prefixes.iter().all(usable) {
            return false;
        }
        for p in prefixes {
            let tokens = token::tokens(p);
            let first = &p[tokens[0].range()];
            let open = tokens.len() == 1 && tokens[0].word && first.len() == p.len();
            let index = self.prefixes.len();
            if open {
                let bytes = &p.as_bytes()[..p.len().min(HEAD)];
                self.by_head
                    .entry(head(bytes))
                    .or_default()
                    .push(index as u32);
                if !self.head_lens.contains(&bytes.len()) {
                    self.head_lens.push(bytes.len());
                    self.head_lens.sort_unstable();
                }
            } else {
                self.first_tokens.push((vocabulary.intern(first), index));
            }
            self.prefixes.push((p.into(), k, open));
        }
        self.first_words.resize(k + 1, None);
        self.first_words[k] = first_words.map(|words| {
            let mut ids: Vec<u32> = words.iter().map(|w| vocabulary.intern(w)).collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        });
        true
    }

    /// Whether expression `k` may begin a match at the token numbered `id`.
    fn may_begin(&self, k: usize, id: u32) -> bool {
        match self.first_words.get(k) {
            Some(Some(ids)) => ids.binary_search(&id).is_ok(),
            _ => true,
        }
    }

    /// Numbers every prefix under the tokens it may start at, once the vocabulary is whole.
    fn finish(&mut self, vocabulary: &Vocabulary) {
        self.heads = vec![0; ((1 << 16) + 257usize).div_ceil(64)];
        for (p, k, open) in &self.prefixes {
            if *open && !matches!(self.first_words.get(*k), Some(Some(_))) {
                let bit = head_bit(p.as_bytes());
                self.heads[bit / 64] |= 1 << (bit % 64);
            }
        }
        // Per token, per expression: the prefixes to check, or none when it always may.
        let mut lists: Vec<Vec<(u32, Option<Vec<u32>>)>> = vec![Vec::new(); vocabulary.len()];
        let add = |list: &mut Vec<(u32, Option<Vec<u32>>)>, k: usize, check: Option<u32>| {
            let k = k as u32;
            match list.iter_mut().find(|(j, _)| *j == k) {
                Some((_, checks)) => match (checks, check) {
                    (Some(checks), Some(index)) => checks.push(index),
                    (checks, _) => *checks = None,
                },
                None => list.push((k, check.map(|index| vec![index]))),
            }
        };
        for &(id, index) in &self.first_tokens {
            let k = self.prefixes[index].1;
            if self.may_begin(k, id) {
                add(&mut lists[id as usize], k, Some(index as u32));
            }
        }
        for (id, list) in lists.iter_mut().enumerate() {
            let word = vocabulary.token(id as u32).as_bytes();
            self.open_at(word, |index| {
                let k = self.prefixes[index as usize].1;
                if self.may_begin(k, id as u32) {
                    add(list, k, None)
                }
            });
        }
        self.of_token.clear();
        self.groups.clear();
        self.checks.clear();
        for (id, list) in lists.into_iter().enumerate() {
            let skip = vocabulary.token(id as u32).len();
            let from = self.groups.len() as u32;
            for (k, checks) in list {
                // The rests after the token; one that another starts with adds nothing.
                let mut rests: Vec<&[u8]> = checks
                    .iter()
                    .flatten()
                    .map(|&index| &self.prefixes[index as usize].0.as_bytes()[skip..])
                    .collect();
                rests.sort_unstable_by_key(|r| (r.len(), *r));
                let mut kept: Vec<&[u8]> = Vec::new();
                for rest in rests {
                    if !kept.iter().any(|k| rest.starts_with(k)) {
                        kept.push(rest);
                    }
                }
                let at = self.checks.len() as u32;
                self.checks.extend(kept.into_iter().map(Rest::new));
                self.groups.push((k, at, self.checks.len() as u32));
            }
            self.of_token.push((from, self.groups.len() as u32));
        }
    }

    /// The open prefixes that `word` starts with.
    #[inline]
    fn open_at(&self, word: &[u8], mut found: impl FnMut(u32)) {
        for &len in self.head_lens.iter().take_while(|&&len| len <= word.len()) {
            if let Some(list) = self.by_head.get(&head(&word[..len])) {
                for &index in list {
                    if word.starts_with(self.prefixes[index as usize].0.as_bytes()) {
                        found(index);
                    }
                }
            }
        }
    }

    /// Whether an open prefix may start at `token` of `bytes`, by its first two bytes and
    /// its first byte: the filter of `at_other` and of the scan's sift.
    #[inline(always)]
    fn may_open(&self, bytes: &[u8], token: &Token) -> bool {
        let word = &bytes[token.range()];
        let has = |bit: usize| self.heads[bit / 64] >> (bit % 64) & 1 != 0;
        has(head_bit(word)) | has(head_bit(&word[..1]))
    }

    /// The expressions that may match at token `token` of `text`, a token outside the
    /// vocabulary.
    #[inline]
    fn at_other(&self, text: &str, token: &Token, found: &mut impl FnMut(usize)) {
        if !token.word || !self.may_open(text.as_bytes(), token) {
            return;
        }
        self.open_at(&text.as_bytes()[token.range()], |index| {
            let k = self.prefixes[index as usize].1;
            if self.first_words[k].is_none() {
                found(k)
            }
        });
    }

    /// The expressions that may match at token `token` of `text`, a vocabulary token whose
    /// range of `groups` is `from..to` (`of_token`).
    #[inline]
    fn at_groups(
        &self,
        text: &str,
        token: &Token,
        (from, to): (u32, u32),
        found: &mut impl FnMut(usize),
    ) {
        let after = &text.as_bytes()[token.end as usize..];
        for &(k, at, end) in &self.groups[from as usize..to as usize] {
            let checks = &self.checks[at as usize..end as usize];
            if checks.is_empty() || Rest::any_starts(checks, after) {
                found(k as usize);
            }
        }
    }
}

/// The whole characters of a literal that a length limit may have cut inside one.
fn whole_chars(bytes: &[u8]) -> &str {
    match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).expect("valid up to here"),
    }
}

/// `prefixes_of` the regular expression `source`, parsed with `regex`'s own defaults, so
/// that the prefixes are those of its matches.
#[cfg(test)]
fn match_prefixes(source: &str) -> Option<Vec<Vec<u8>>> {
    prefixes_of(&regex_syntax::parse(source).ok()?)
}

/// Literal prefixes one of which every match of the parsed expression `hir` starts with,
/// when there are few enough to look for at each token; `None` when the expression must
/// always be run (it starts with a class or repetition, "[a-z]+ervaring").
fn prefixes_of(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    // Every finite prefix set is a sound gate; the one that lets the fewest places through
    // is kept, each prefix reckoned to pass one place in 27 to the power of its length.
    // Whole prefixes may multiply past the limits ("(?:take|takes|taking) (?:direction|
    // instructions)") and be cut short by the extractor, so sets of prefixes cut at a few
    // lengths are compared too.
    [None, Some(16), Some(8), Some(4)]
        .into_iter()
        .filter_map(|len| {
            let mut extractor = Extractor::new();
            extractor
                .kind(ExtractKind::Prefix)
                .limit_total(MAX_TRIGGERS);
            if let Some(len) = len {
                extractor.limit_literal_len(len);
            }
            let prefixes = extractor.extract(hir);
            let literals = prefixes.literals()?;
            let usable = !literals.is_empty()
                && literals.len() <= MAX_TRIGGERS
                && literals.iter().map(|l| l.len()).sum::<usize>() <= MAX_TRIGGER_BYTES
                && literals.iter().all(|l| !l.is_empty());
            usable.then(|| {
                literals
                    .iter()
                    .map(|l| l.as_bytes().to_vec())
                    .collect::<Vec<_>>()
            })
        })
        .min_by(|a, b| pass_rate(a).total_cmp(&pass_rate(b)))
}

/// Literals one of which every match of the parsed expression `hir` holds after its start,
/// when it can match no line break (so that a match from a trigger ends within the
/// trigger's line): the prefixes of one part of its top-level sequence other than the first,
/// the part whose prefixes let the fewest places through. `None` when no part has a finite
/// set of non-empty prefixes.
fn inner_literals(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    if can_match_line_break(hir) {
        return None;
    }
    let mut top = hir;
    while let HirKind::Capture(c) = top.kind() {
        top = &c.sub;
    }
    let HirKind::Concat(parts) = top.kind() else {
        return None;
    };
    parts
        .iter()
        .skip(1)
        .filter_map(|part| {
            let mut extractor = Extractor::new();
            extractor
                .kind(ExtractKind::Prefix)
                .limit_total(MAX_INNER_LITERALS);
            let prefixes = extractor.extract(part);
            let literals = prefixes.literals()?;
            let usable = !literals.is_empty()
                && literals.len() <= MAX_INNER_LITERALS
                && literals.iter().all(|l| !l.is_empty());
            usable.then(|| literals.iter().map(|l| l.as_bytes().to_vec()).collect())
        })
        .min_by(|a: &Vec<Vec<u8>>, b| pass_rate(a).total_cmp(&pass_rate(b)))
}

/// The most inner literals one expression is checked for.
const MAX_INNER_LITERALS: usize = 64;

/// Whether any match of `hir` may hold a line break: a literal or class with one in it.
fn can_match_line_break(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => false,
        HirKind::Literal(Literal(bytes)) => bytes.contains(&b'\n'),
        HirKind::Class(Class::Unicode(class)) => class
            .ranges()
            .iter()
            .any(|r| r.start() <= '\n' && '\n' <= r.end()),
        HirKind::Class(Class::Bytes(class)) => class
            .ranges()
            .iter()
            .any(|r| r.start() <= b'\n' && b'\n' <= r.end()),
        HirKind::Repetition(r) => can_match_line_break(&r.sub),
        HirKind::Capture(c) => can_match_line_break(&c.sub),
        HirKind::Concat(parts) | HirKind::Alternation(parts) => {
            parts.iter().any(can_match_line_break)
        }
    }
}

/// The whole words every match of the parsed expression `hir` begins with, when they are
/// few and told by the expression alone: its leading parts match only letters and digits,
/// a finite set of words between them, and what follows can only begin with another
/// character (or nothing). "(?:train|coach)(?:s|ing)?(?:, | and )..." begins with "train",
/// "trains", "training", "coach"...; "manag[a-z]* ..." has no such set.
///
/// Every whole-word match starts at a token and, its first word being all letters and
/// digits with something else after it, spans exactly that token first: a token that is
/// none of the words begins no match.
fn first_words(hir: &Hir) -> Option<Vec<String>> {
    let mut hir = hir;
    while let HirKind::Capture(capture) = hir.kind() {
        hir = &capture.sub;
    }
    if let HirKind::Alternation(branches) = hir.kind() {
        let mut words = Vec::new();
        for branch in branches {
            words.extend(first_words(branch)?);
        }
        return Some(words);
    }
    let parts = match hir.kind() {
        HirKind::Concat(parts) => parts.as_slice(),
        _ => std::slice::from_ref(hir),
    };
    let word = parts
        .iter()
        .take_while(|part| exact_words(part).is_some())
        .count();
    let mut first = parts[..word].to_vec();
    let mut rest: Vec<&Hir> = parts[word..].iter().collect();
    // Runs of literal text are one part: "with (?:little|no) ..." is "with " and the rest.
    // Its letters and digits belong to the first word.
    let tail;
    if let Some(HirKind::Literal(Literal(bytes))) = rest.first().map(|part| part.kind()) {
        let text = std::str::from_utf8(bytes).ok()?;
        let head = text
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(text.len());
        first.push(Hir::literal(bytes[..head].to_vec()));
        tail = Hir::literal(bytes[head..].to_vec());
        rest[0] = &tail;
    }
    let words = exact_words(&Hir::concat(first))?;
    if words.iter().any(String::is_empty) || !begins_apart(&rest) {
        return None;
    }
    Some(words)
}

/// Every string `hir` matches, when they are few and each is letters and digits only (or
/// empty).
fn exact_words(hir: &Hir) -> Option<Vec<String>> {
    let mut extractor = Extractor::new();
    extractor
        .kind(ExtractKind::Prefix)
        .limit_class(64)
        .limit_total(MAX_TRIGGERS);
    let seq = extractor.extract(hir);
    let literals = seq.literals()?;
    literals
        .iter()
        .map(|l| {
            let word = std::str::from_utf8(l.as_bytes()).ok()?;
            (l.is_exact() && word.chars().all(char::is_alphanumeric)).then(|| word.to_string())
        })
        .collect()
}

/// Whether every match of `parts`, one after another, is empty or begins with a character
/// that is not a letter or digit.
fn begins_apart(parts: &[&Hir]) -> bool {
    let mut extractor = Extractor::new();
    // Four bytes hold any one character.
    extractor
        .kind(ExtractKind::Prefix)
        .limit_class(64)
        .limit_literal_len(4);
    for part in parts {
        let seq = extractor.extract(part);
        let Some(literals) = seq.literals() else {
            return false;
        };
        let mut may_be_empty = false;
        for literal in literals {
            let bytes = literal.as_bytes();
            if bytes.is_empty() {
                // Empty and exact: the part may match nothing, and the next one begin.
                if !literal.is_exact() {
                    return false;
                }
                may_be_empty = true;
                continue;
            }
            if whole_chars(bytes)
                .chars()
                .next()
                .is_none_or(char::is_alphanumeric)
            {
                return false;
            }
        }
        if !may_be_empty {
            return true;
        }
    }
    true
}

/// About how often one of `prefixes` starts at a place in text: each prefix one place in
/// 27 (letters and a space) to the power of its length.
fn pass_rate(prefixes: &[Vec<u8>]) -> f64 {
    prefixes
        .iter()
        .map(|p| 27f64.powi(-(p.len().min(12) as i32)))
        .sum()
}

impl Matcher {
    pub fn new(lexicon: &Lexicon) -> Result<Matcher, String> {
        Matcher::with_words(lexicon, &[])
    }

    /// The matcher of `lexicon`, whose vocabulary numbers `words` too, so that other readers
    /// of a text's tokens (the function-word vote) find their words by the same numbers.
    pub fn with_words(lexicon: &Lexicon, words: &[&str]) -> Result<Matcher, String> {
        let mut phrases = Vec::new();
        let mut literal_bytes = 0;
        let mut vocabulary = Vocabulary::default();
        for word in words {
            vocabulary.intern(word);
        }
        let mut regexes = Vec::new();
        let mut triggers = Triggers::default();
        let mut gated = Vec::new();
        let mut inner = Vec::new();
        for (index, entry) in lexicon.entries.iter().enumerate() {
            // The years grammar reads these words where it is built; alone they mean nothing.
            if entry.is_grammar_word() {
                continue;
            }
            match &entry.pattern {
                Pattern::Literal(phrase) => {
                    literal_bytes += phrase.len();
                    phrases.push((phrase_tokens(&mut vocabulary, phrase), index));
                }
                Pattern::Regex(source) => {
                    if regexes.len() == MAX_REGEXES {
                        return Err(format!(
                            "{}: more than {MAX_REGEXES} regular expressions",
                            entry.origin
                        ));
                    }
                    let invalid = |e: &dyn std::fmt::Display| {
                        format!("{}: invalid regular expression: {e}", entry.origin)
                    };
                    // Parsed once, as `regex` parses, with its defaults; then compiled into
                    // the engine inside `regex`: the same matches, and searches that can be
                    // anchored at a position.
                    let hir = regex_syntax::parse(source).map_err(|e| invalid(&e))?;
                    let k = regexes.len();
                    let gate = prefixes_of(&hir)
                        .is_some_and(|p| triggers.add(&mut vocabulary, &p, first_words(&hir), k));
                    // A search anchored at a trigger has no use for a prefilter, which
                    // would be most of the expression's start-up.
                    let config = meta::Config::new()
                        .nfa_size_limit(Some(REGEX_SIZE_LIMIT))
                        .auto_prefilter(!gate);
                    let re = meta::Regex::builder()
                        .configure(config)
                        .build_from_hir(&hir)
                        .map_err(|e| invalid(&e))?;
                    gated.push(gate);
                    inner.push(
                        inner_literals(&hir)
                            .filter(|_| gate)
                            .and_then(|l| Prefilter::new(MatchKind::LeftmostFirst, &l)),
                    );
                    regexes.push((re, index));
                }
            }
        }
        if literal_bytes > MAX_LITERAL_BYTES {
            return Err(format!(
                "the lexicons' phrases take {literal_bytes} bytes, more than {MAX_LITERAL_BYTES}"
            ));
        }
        // Only postings read with two languages besides English need every phrase at once.
        triggers.finish(&vocabulary);
        let all = Trie::new(&triggers.of_token, phrases.iter());
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
            vocabulary,
            all,
            by_lang,
            phrases,
            regexes,
            triggers,
            gated,
            inner,
            groups,
            claims,
            keys,
            langs,
            lang_names,
        })
    }

    /// The smallest trie holding every wanted language's phrases: one language's plus
    /// English, else all. Every phrase's matches are found in both, so hits are the same.
    fn trie(&self, wanted: &[bool]) -> &Trie {
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
            Trie::new(&self.triggers.of_token, phrases)
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
        let (tokens, ids) = self.tokens_and_ids(text);
        self.find_in(text, &tokens, &ids, langs)
    }

    /// The tokens of `text` (`token::tokens`) and the vocabulary's number of each, or
    /// [`NO_TOKEN`]: one pass, each token looked up as it is read.
    pub fn tokens_and_ids(&self, text: &str) -> (Vec<Token>, Vec<u32>) {
        let bytes = text.as_bytes();
        let mut tokens = Vec::with_capacity(text.len() / 5);
        let mut ids = Vec::with_capacity(text.len() / 5);
        token::tokenize(text, |t| {
            let (start, end) = (t.start as usize, t.end as usize);
            ids.push(self.vocabulary.id_at(bytes, start, end).unwrap_or(NO_TOKEN));
            tokens.push(t);
        });
        (tokens, ids)
    }

    /// The numbers of the lexicons' tokens (and of the words given to `with_words`).
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// `find`, given the tokens of `text` and their numbers (`tokens_and_ids`), when they
    /// were needed before.
    pub fn find_in(&self, text: &str, tokens: &[Token], ids: &[u32], langs: &[&str]) -> Vec<Hit> {
        let wanted_langs: Vec<bool> = self
            .lang_names
            .iter()
            .map(|l| langs.contains(&l.as_str()))
            .collect();
        // About one hit in four tokens on real postings: room for them up front.
        let mut all: Vec<Hit> = Vec::with_capacity(tokens.len() / 4);
        // (expression, position) of every trigger met: where a gated expression may match.
        let mut triggered: Vec<(usize, usize)> = Vec::new();
        self.scan(text, tokens, ids, &wanted_langs, &mut all, &mut triggered);
        self.resolve(text, &wanted_langs, all, triggered)
    }

    /// The whole-word occurrences of the wanted languages' phrases in `text`, and where a
    /// regular expression's trigger was met, as (expression, position).
    fn scan(
        &self,
        text: &str,
        tokens: &[Token],
        ids: &[u32],
        wanted_langs: &[bool],
        all: &mut Vec<Hit>,
        triggered: &mut Vec<(usize, usize)>,
    ) {
        let wanted = |entry: usize| wanted_langs[self.langs[entry] as usize];
        let trie = self.trie(wanted_langs);
        let mut found = |start, end, entry| {
            if wanted(entry) {
                all.push(Hit { start, end, entry });
            }
        };
        // Tokens are sifted first in blocks, with no branch a token: under half pass.
        let mut passed = [0u32; SIFT_BLOCK];
        for (b, (block, block_ids)) in tokens
            .chunks(SIFT_BLOCK)
            .zip(ids.chunks(SIFT_BLOCK))
            .enumerate()
        {
            let mut n = 0;
            for (i, (token, &id)) in block.iter().zip(block_ids).enumerate() {
                passed[n] = i as u32;
                n += usize::from(self.may_start(trie, text.as_bytes(), token, id));
            }
            for &i in &passed[..n] {
                let (token, id) = (&block[i as usize], block_ids[i as usize]);
                let at = token.start as usize;
                let mut trigger = |k| triggered.push((k, at));
                if id == NO_TOKEN {
                    self.triggers.at_other(text, token, &mut trigger);
                    continue;
                }
                // One entry says what may start at the token: phrases, expressions.
                let root = trie.roots[id as usize];
                let i = b * SIFT_BLOCK + i as usize;
                trie.walk(tokens, ids, i, root.node, &mut found);
                if root.groups.0 != root.groups.1 {
                    self.triggers
                        .at_groups(text, token, root.groups, &mut trigger);
                }
            }
        }
    }

    /// Whether a phrase or a trigger may start at `token` (numbered `id`) of `bytes`: false
    /// only where none does. Told without a branch, from one entry of `trie.busy` for a
    /// vocabulary token, and for another from the triggers' filter by its first bytes.
    #[inline(always)]
    fn may_start(&self, trie: &Trie, bytes: &[u8], token: &Token, id: u32) -> bool {
        let known = trie.busy[(id as usize).min(trie.busy.len() - 1)];
        let other = token.word & self.triggers.may_open(bytes, token);
        let outside = id == NO_TOKEN;
        (outside & other) | (!outside & known)
    }

    /// Runs the triggered regular expressions and chooses among overlapping hits.
    fn resolve(
        &self,
        text: &str,
        wanted_langs: &[bool],
        mut all: Vec<Hit>,
        mut triggered: Vec<(usize, usize)>,
    ) -> Vec<Hit> {
        let wanted = |entry: usize| wanted_langs[self.langs[entry] as usize];
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
            match self.gated[k] {
                true => {
                    let from = triggered.partition_point(|&(j, _)| j < k);
                    let to = triggered.partition_point(|&(j, _)| j <= k);
                    // As `find_iter` does, a match is looked for past the last one's end.
                    let mut next = 0;
                    let inner = self.inner[k].as_ref();
                    for &(_, at) in &triggered[from..to] {
                        if at < next {
                            continue;
                        }
                        // A match from here ends within this line and holds one of the
                        // inner literals: without one, there is none.
                        if let Some(inner) = inner {
                            let bytes = text.as_bytes();
                            let end =
                                memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
                            if inner.find(bytes, Span::from(at..end)).is_none() {
                                continue;
                            }
                        }
                        // Anchored at the trigger, with the text before it in view, so "^" and
                        // "\b" see what they would in a scan of the whole text.
                        let input = Input::new(text)
                            .range(at..)
                            .anchored(regex_automata::Anchored::Yes);
                        if let Some(m) = re.search(&input) {
                            all.extend(hit(m.start(), m.end()));
                            next = m.end().max(at + 1);
                        }
                    }
                }
                false => all.extend(re.find_iter(text).filter_map(|m| hit(m.start(), m.end()))),
            }
        }
        // Within each group, leftmost-longest: the hits in order of start, and at one start
        // a claim of another meaning ("lead to", "degree of") before the phrase inside it,
        // whatever their lengths, then the longest first (the entry breaks ties). The scan
        // gives its hits in token order and each expression its own in text order, so a
        // stable sort by start merges a few runs; hits at one start are few.
        all.sort_by_key(|h| h.start);
        for same_start in all.chunk_by_mut(|a, b| a.start == b.start) {
            same_start.sort_unstable_by_key(|h| {
                (!self.claims[h.entry], std::cmp::Reverse(h.end), h.entry)
            });
        }
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
        // Per group, where its last hit kept ends: a hit starting before is passed over.
        let mut reach = vec![0; self.keys.len()];
        let mut kept: Vec<Hit> = Vec::with_capacity(all.len());
        for hit in all {
            let group = self.groups[hit.entry];
            if hit.start < reach[group] || claimed(&hit) {
                continue;
            }
            reach[group] = hit.end;
            kept.push(hit);
        }
        // By position; hits at one (start, end) in group order, a claim first, then by entry.
        for same_start in kept.chunk_by_mut(|a, b| a.start == b.start) {
            same_start.sort_unstable_by_key(|h| {
                (h.end, self.groups[h.entry], !self.claims[h.entry], h.entry)
            });
        }
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
    fn the_years_grammars_words_are_not_matched_alone() {
        let lexicon = Lexicon::embedded().unwrap();
        let m = Matcher::new(&lexicon).unwrap();
        let text =
            "between 3 and 5 years of experience, or a degree; minimum two years in the past";
        let hits = m.find(text, &["en"]);
        assert!(hits
            .iter()
            .all(|h| !lexicon.entries[h.entry].is_grammar_word()));
        // The grammar's lists are there, and its other words still match.
        assert!(lexicon.entries.iter().any(|e| e.is_grammar_word()));
        let keyword = m.group(Category::Experience, "keyword");
        assert!(hits.iter().any(|h| Some(m.groups()[h.entry]) == keyword));
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

    /// What the token walk must find, found the way rung matched before: every whole-word
    /// occurrence of a phrase by an overlapping byte-level aho-corasick scan, and every
    /// place where a word may start and a trigger prefix does.
    struct ByteScan {
        phrases: aho_corasick::AhoCorasick,
        entries: Vec<usize>,
        prefixes: aho_corasick::AhoCorasick,
        expressions: Vec<usize>,
    }

    impl ByteScan {
        fn new(lexicon: &Lexicon, m: &Matcher, langs: &[&str]) -> ByteScan {
            let wanted = |e: usize| langs.contains(&lexicon.entries[e].lang.as_str());
            let (phrases, entries): (Vec<&str>, Vec<usize>) = lexicon
                .entries
                .iter()
                .enumerate()
                .filter_map(|(i, e)| match &e.pattern {
                    Pattern::Literal(p) if wanted(i) && !e.is_grammar_word() => {
                        Some((p.as_str(), i))
                    }
                    _ => None,
                })
                .unzip();
            let (prefixes, expressions): (Vec<Vec<u8>>, Vec<usize>) = m
                .regexes
                .iter()
                .enumerate()
                .filter(|&(k, _)| m.gated[k])
                .flat_map(|(k, &(_, entry))| {
                    match_prefixes(lexicon.entries[entry].pattern.as_str())
                        .unwrap()
                        .into_iter()
                        .map(move |p| (p, k))
                })
                .unzip();
            let overlapping = |patterns: &[_]| {
                aho_corasick::AhoCorasick::builder()
                    .match_kind(aho_corasick::MatchKind::Standard)
                    .build(patterns)
                    .unwrap()
            };
            ByteScan {
                phrases: overlapping(&phrases.iter().map(|p| p.as_bytes()).collect::<Vec<_>>()),
                entries,
                prefixes: overlapping(&prefixes.iter().map(Vec::as_slice).collect::<Vec<_>>()),
                expressions,
            }
        }

        fn scan(&self, text: &str) -> (Vec<Hit>, Vec<(usize, usize)>) {
            let mut hits: Vec<Hit> = self
                .phrases
                .find_overlapping_iter(text)
                .filter(|h| is_whole_word(text, h.start(), h.end()))
                .map(|h| Hit {
                    start: h.start(),
                    end: h.end(),
                    entry: self.entries[h.pattern().as_usize()],
                })
                .collect();
            hits.sort_unstable_by_key(|h| (h.start, h.end, h.entry));
            // Where the character or the one before it is not a letter or digit.
            let word_start = |i: usize| {
                let before = text[..i].chars().next_back();
                let c = text[i..].chars().next();
                !(c.is_some_and(char::is_alphanumeric) && before.is_some_and(char::is_alphanumeric))
            };
            let mut triggered: Vec<(usize, usize)> = self
                .prefixes
                .find_overlapping_iter(text)
                .filter(|h| word_start(h.start()))
                .map(|h| (self.expressions[h.pattern().as_usize()], h.start()))
                .collect();
            triggered.sort_unstable();
            triggered.dedup();
            (hits, triggered)
        }
    }

    /// The token walk finds exactly what the byte-level scan finds, on every posting rung
    /// ships and, where the project's shared data sits beside the repository, on all of it.
    #[test]
    fn the_token_walk_finds_what_a_byte_scan_finds() {
        let lexicon = Lexicon::embedded().unwrap();
        let m = Matcher::new(&lexicon).unwrap();
        let analyzer = crate::Analyzer::new(lexicon.clone()).unwrap();
        let mut texts: Vec<(String, String)> = [
            "c++ and sr. engineers, 5+ years; b.s/m.s; p&l; bac +2, bac+5",
            "seniority senior-level (sr.) i ii iii iv; end-to-end",
            "Führungserfahrung, 3-jährige Berufserfahrung; ervaring één",
            "x",
            "",
        ]
        .iter()
        .map(|t| (t.to_string(), "de".to_string()))
        .collect();
        for row in crate::every_jsonl_row() {
            let lang = row["lang"].as_str().unwrap_or("en").to_string();
            for field in ["title", "description"] {
                let text = row[field].as_str().unwrap_or("");
                texts.push((text.to_string(), lang.clone()));
            }
        }
        assert!(texts.len() > 500, "{}", texts.len());
        // Every expression with literal prefixes is run only at its triggers.
        for (k, &(_, entry)) in m.regexes.iter().enumerate() {
            let source = lexicon.entries[entry].pattern.as_str();
            assert_eq!(m.gated[k], match_prefixes(source).is_some(), "{source}");
        }
        let (mut phrase_hits, mut trigger_hits, mut extra_triggers) = (0, 0, 0);
        let mut passed_over = 0;
        let mut references = std::collections::HashMap::new();
        for (original, lang) in &texts {
            let text = &crate::text::Normalized::new(original, &analyzer).text;
            let langs = ["en", lang.as_str()];
            let wanted: Vec<bool> = m
                .lang_names
                .iter()
                .map(|l| langs.contains(&l.as_str()))
                .collect();
            let (mut hits, mut triggered) = (Vec::new(), Vec::new());
            let (tokens, ids) = m.tokens_and_ids(text);
            m.scan(text, &tokens, &ids, &wanted, &mut hits, &mut triggered);
            hits.sort_unstable_by_key(|h| (h.start, h.end, h.entry));
            triggered.sort_unstable();
            triggered.dedup();
            let reference = references
                .entry(lang.clone())
                .or_insert_with(|| ByteScan::new(&lexicon, &m, &langs));
            let (want_hits, want_triggered) = reference.scan(text);
            assert_eq!(hits, want_hits, "{text}");
            // Prefixes cut inside a character are shortened to whole characters, which
            // only adds places where an expression is tried. A prefix met at a word that
            // none of the expression's first words is (`first_words`) is passed over: no
            // match can start there.
            let begins_match = |&&(k, at): &&(usize, usize)| {
                let input = Input::new(text.as_str())
                    .range(at..)
                    .anchored(regex_automata::Anchored::Yes);
                m.regexes[k]
                    .0
                    .search(&input)
                    .is_some_and(|found| is_whole_word(text, found.start(), found.end()))
            };
            let skipped = want_triggered
                .iter()
                .filter(|t| triggered.binary_search(t).is_err());
            let missed: Vec<_> = skipped.clone().filter(begins_match).collect();
            assert!(missed.is_empty(), "{missed:?} {text}");
            let skipped = skipped.count();
            passed_over += skipped;
            extra_triggers += triggered.len() - (want_triggered.len() - skipped);

            phrase_hits += hits.len();
            trigger_hits += triggered.len();
        }
        assert!(phrase_hits > 10 * texts.len() && trigger_hits > texts.len());
        assert!(
            extra_triggers * 20 < trigger_hits,
            "{extra_triggers} of {trigger_hits}"
        );
        // The first-word rule is in use: "development" opens "develop" and begins nothing.
        assert!(
            passed_over * 10 > trigger_hits,
            "{passed_over} of {trigger_hits}"
        );
    }

    #[test]
    fn inner_literals_are_a_part_every_match_holds() {
        let inner = |source: &str| {
            inner_literals(&regex_syntax::parse(source).unwrap()).map(|l| {
                l.iter()
                    .map(|b| String::from_utf8_lossy(b).into_owned())
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            inner("(?:manage|lead)s? (?:a|the) staff of [0-9]+"),
            Some(vec![" staff of ".to_string()])
        );
        // White space may span lines, and an optional part may be missing.
        assert_eq!(inner(r"(?:have|has)\s+\d+ years"), None);
        assert_eq!(inner("(?:lead|own)(?: [a-z]+)?"), None);
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
    fn first_words_of_regular_expressions() {
        let words = |s: &str| {
            first_words(&regex_syntax::parse(s).unwrap()).map(|mut w| {
                w.sort();
                w
            })
        };
        assert_eq!(
            words("(?:train|coach)(?:s|ing)?(?:, | and )(?:team|staff)").unwrap(),
            ["coach", "coaching", "coachs", "train", "training", "trains"]
        );
        assert_eq!(words("(?:have|has)\\s+\\d").unwrap(), ["has", "have"]);
        assert_eq!(words("lead(?-u:\\b)").unwrap(), ["lead"]);
        assert_eq!(words("own|owns the").unwrap(), ["own", "owns"]);
        assert_eq!(words("with (?:little|no) help").unwrap(), ["with"]);
        // The first word goes on in letters, or may be empty, or is followed by a letter.
        assert_eq!(words("manag[a-z]* (?:a|the) team"), None);
        assert_eq!(words("(?:a|b)?-c"), None);
        assert_eq!(words("lead(?:s|er)?[a-z]+"), None);
        assert_eq!(words("[a-z]+ervaring"), None);
    }

    #[test]
    fn one_language_and_english_share_a_small_trie() {
        let lexicon = Lexicon::embedded().unwrap();
        let m = Matcher::new(&lexicon).unwrap();
        let mut wanted = vec![false; m.lang_names.len()];
        for lang in ["en", "de"] {
            wanted[m.lang_names.iter().position(|l| l == lang).unwrap()] = true;
        }
        let memory = m.trie(&wanted).memory_usage();
        assert!(memory < 1 << 20, "{memory} bytes");
        assert!(memory < m.all.memory_usage());
    }
}
