//! Where the years grammar's matches start, found from where they can end.
//!
//! The grammar's automaton would otherwise read every byte of every description: its matches
//! may start with a digit, a number word in any of the shipped languages, "at least", "<"...,
//! so no literal prefix lets a search skip ahead. But every match ends with a unit ("years",
//! "jahre", "an") at an ASCII word boundary, and such places are few: among the text's
//! tokens, those whose last bytes a unit can end with. From each, the grammar run backwards
//! (a reverse automaton of the grammar up to its unit) tells the earliest start of a match
//! ending there, usually after a byte or two ("plan" is no "an" after a figure).
//!
//! The earliest of those starts is where a search of the whole text would have found its
//! match, since a search reports the match that starts first: the grammar then reads the
//! match from there, and the answers are the whole scan's, found from a few places instead
//! of every byte.

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson;
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input, MatchKind};

use crate::token::{Token, Vocabulary};

type NewCache =
    Box<dyn Fn() -> Cache + Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>;

/// The unit words and the grammar in reverse, to find where matches start.
pub struct FigureStarts {
    /// Per pair of bytes (`pair_slot`), 1 + the index in `by_pair` of the unit words that
    /// end with it, or 0 (64 KB; a one-byte word is in the bucket of every pair ending with
    /// its byte).
    pair_index: Box<[u8; 65536]>,
    /// A bit per pair of bytes: whether its slot in `pair_index` is taken (8 KB, small
    /// enough to stay in the nearest cache, where the index is not).
    pair_bits: Box<[u64; 1024]>,
    /// The last word of each unit as the grammar spells it ("years"; "doświadczenie" for
    /// "letnie doświadczenie"), grouped by their last two bytes: every match ends with one.
    by_pair: Vec<Bucket>,
    /// The grammar up to and including its unit, compiled to run backwards: from a unit's
    /// end, the earliest start of a match ending there.
    reverse: DFA,
    caches: Pool<Cache, NewCache>,
    /// The last word of each unit, as `by_pair` holds them.
    last_words: Vec<String>,
    /// Per number of a vocabulary token (`learn_vocabulary`), whether a unit word may end
    /// where that token ends; the last entry, true, serves every other token.
    may_end: Vec<bool>,
}

/// A unit's last word, and for one of up to eight bytes, the same packed in the top bytes
/// of an integer with the mask that keeps them: compared with the eight bytes ending at a
/// place in one step.
struct Word {
    bytes: Vec<u8>,
    packed: Option<(u64, u64)>,
}

impl Word {
    fn new(bytes: &[u8]) -> Word {
        let packed = (bytes.len() <= 8).then(|| {
            let mut eight = [0u8; 8];
            eight[8 - bytes.len()..].copy_from_slice(bytes);
            let mask = u64::MAX
                .checked_shl(8 * (8 - bytes.len() as u32))
                .unwrap_or(0);
            (u64::from_le_bytes(eight), mask)
        });
        Word {
            bytes: bytes.to_vec(),
            packed,
        }
    }

    /// Whether `bytes[..at]` ends with the word.
    #[inline]
    fn ends_at(&self, bytes: &[u8], at: usize) -> bool {
        match (self.packed, bytes.get(at.wrapping_sub(8)..at)) {
            (Some((packed, mask)), Some(eight)) => {
                let eight = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
                eight & mask == packed
            }
            _ => bytes[..at].ends_with(&self.bytes),
        }
    }
}

/// The unit words that end with one pair of bytes.
#[derive(Default)]
struct Bucket {
    /// Bit `b` is set when a word of three bytes or more has `b` before the pair, or, for
    /// every `b`, when a word of two bytes or less is the pair.
    third: [u64; 4],
    words: Vec<Word>,
}

impl Bucket {
    /// Whether one of the words ends at `at` at an ASCII word boundary.
    #[inline(never)]
    fn ends_at(&self, bytes: &[u8], at: usize) -> bool {
        ascii_boundary(bytes, at) && self.words.iter().any(|w| w.ends_at(bytes, at))
    }
}

/// Per text, the places a match can end, each with the earliest start at or after some
/// offset of a match ending there (`None`: none ends there).
pub struct Ends {
    ends: Vec<(usize, Option<usize>)>,
    /// Ends before this index lie at or before the last offset asked about: no match from
    /// there on can end at them.
    first: usize,
}

/// How many tokens are sifted at a time (`FigureStarts::ends`).
const SIFT_BLOCK: usize = 256;

/// Where the pair of bytes `second`, `last` lies in `FigureStarts::pair_index`.
#[inline]
fn pair_slot(last: u8, second: u8) -> usize {
    usize::from(last) << 8 | usize::from(second)
}

/// Whether the ASCII `\b` the grammar uses counts `b` as a word byte.
fn word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether the grammar's `(?-u:\b)` holds at `at`.
fn ascii_boundary(bytes: &[u8], at: usize) -> bool {
    let before = at > 0 && word_byte(bytes[at - 1]);
    let after = bytes.get(at).is_some_and(|&b| word_byte(b));
    before != after
}

impl FigureStarts {
    /// From `core`, the grammar's source up to and including `(?P<unit>...)(?-u:\b)` (every
    /// match of the whole grammar is a match of it followed by optional parts), and the
    /// units as the lexicon spells them. `None` when a unit could end where tokens do not
    /// show it (in white space), the units end in more than 255 pairs of bytes, or the
    /// reverse automaton cannot be built: the grammar then scans whole texts, as it would
    /// without this.
    pub fn new<'u>(core: &str, units: impl Iterator<Item = &'u str>) -> Option<FigureStarts> {
        let last_words: Vec<Vec<u8>> = units
            .map(|u| u.split(' ').next_back().unwrap_or(u).as_bytes().to_vec())
            .collect();
        let ends_in_space = |w: &[u8]| {
            std::str::from_utf8(w)
                .ok()
                .and_then(|w| w.chars().next_back())
                .is_none_or(char::is_whitespace)
        };
        if last_words.is_empty() || last_words.iter().any(|w| ends_in_space(w)) {
            return None;
        }
        let mut pair_index = Box::new([0u8; 65536]);
        let mut pair_bits = Box::new([0u64; 1024]);
        let mut by_pair: Vec<Bucket> = Vec::new();
        for w in &last_words {
            let last = w[w.len() - 1];
            let seconds: Vec<u8> = match w.len() {
                1 => (0..=255).collect(),
                n => vec![w[n - 2]],
            };
            for second in seconds {
                let pair = pair_slot(last, second);
                pair_bits[pair / 64] |= 1 << (pair % 64);
                let slot = &mut pair_index[pair];
                if *slot == 0 {
                    by_pair.push(Bucket::default());
                    *slot = u8::try_from(by_pair.len()).ok()?;
                }
                let bucket = &mut by_pair[usize::from(*slot) - 1];
                match w.len() {
                    1 | 2 => bucket.third = [u64::MAX; 4],
                    n => bucket.third[usize::from(w[n - 3] / 64)] |= 1 << (w[n - 3] % 64),
                }
                bucket.words.push(Word::new(w));
            }
        }
        let reverse = DFA::builder()
            .thompson(
                thompson::Config::new()
                    .reverse(true)
                    .nfa_size_limit(Some(1 << 24)),
            )
            .configure(DFA::config().match_kind(MatchKind::All))
            .build(core)
            .ok()?;
        let for_caches = reverse.clone();
        let new: NewCache = Box::new(move || for_caches.create_cache());
        Some(FigureStarts {
            pair_index,
            pair_bits,
            by_pair,
            reverse,
            caches: Pool::new(new),
            last_words: last_words
                .into_iter()
                .map(|w| String::from_utf8(w).expect("units are text"))
                .collect(),
            may_end: vec![true],
        })
    }

    /// Tells, once per token of `vocabulary`, whether a unit word may end where it ends, so
    /// that `ends` passes over the text's tokens that are known words ending none ("the",
    /// "team") without reading their bytes.
    pub fn learn_vocabulary(&mut self, vocabulary: &Vocabulary) {
        self.may_end = (0..vocabulary.len() as u32)
            .map(|id| self.may_end_with(vocabulary.token(id)))
            .chain([true])
            .collect();
    }

    /// Whether a unit word may end where a token `token` of a text ends: a token is a
    /// maximal run of letters and digits or one other character, so a unit word ending
    /// there ends with that character, or its last run of letters and digits is the
    /// token's end. Never false where a unit ends, sometimes true where none does.
    fn may_end_with(&self, token: &str) -> bool {
        let word = token.chars().next().is_some_and(char::is_alphanumeric);
        self.last_words.iter().any(|unit| match word {
            true => {
                let before_run = unit.trim_end_matches(char::is_alphanumeric);
                let run = &unit[before_run.len()..];
                !run.is_empty() && token.ends_with(run)
            }
            false => unit.ends_with(token),
        })
    }

    /// The places in `text` (normalised, whose tokens are `tokens`) where a match can end: a
    /// unit word ends there and so does an ASCII word. Such a place is the end of a token,
    /// or, in a token with other than ASCII ("añosé"), any place inside it: within an ASCII
    /// token no word boundary lies, and no unit ends with white space. `ids` are the
    /// tokens' numbers in the vocabulary `learn_vocabulary` was given.
    pub fn ends(&self, text: &str, tokens: &[Token], ids: &[u32]) -> Ends {
        debug_assert_eq!(tokens.len(), ids.len());
        let bytes = text.as_bytes();
        let mut ends = Vec::new();
        // Tokens are sifted first in blocks, with no branch a token: few pass.
        let mut passed = [0u32; SIFT_BLOCK];
        for (block, block_ids) in tokens.chunks(SIFT_BLOCK).zip(ids.chunks(SIFT_BLOCK)) {
            let mut n = 0;
            for (i, (token, &id)) in block.iter().zip(block_ids).enumerate() {
                passed[n] = i as u32;
                n += usize::from(self.may_end_at(bytes, token, id));
            }
            for &i in &passed[..n] {
                let token = &block[i as usize];
                self.ends_in(bytes, token, &mut ends);
            }
        }
        let mut cache = self.caches.get();
        for (end, start) in &mut ends {
            *start = self.earliest_start(&mut cache, text, 0, *end);
        }
        Ends { ends, first: 0 }
    }

    /// Whether a unit word may end in `token` (numbered `id`) of `bytes`: false only where
    /// none does. For a token of ASCII, one that ends where its vocabulary number says no
    /// unit can end or with a pair of bytes no unit ends with; the others all pass.
    #[inline(always)]
    fn may_end_at(&self, bytes: &[u8], token: &Token, id: u32) -> bool {
        let end = token.end as usize;
        let Some(pair) = bytes.get(end.wrapping_sub(2)..end) else {
            return true;
        };
        let pair = pair_slot(pair[1], pair[0]);
        let ends_pair = self.pair_bits[pair / 64] >> (pair % 64) & 1 != 0;
        // Tokens outside the vocabulary (`NO_TOKEN`) read the last entry, which is true.
        let by_id = self.may_end[(id as usize).min(self.may_end.len() - 1)];
        !token.ascii | (ends_pair & by_id)
    }

    /// Pushes onto `ends` every place in `token` of `bytes` where a unit word ends at an
    /// ASCII word boundary: its end, or, in a token with other than ASCII, any place after
    /// its first byte.
    fn ends_in(&self, bytes: &[u8], token: &Token, ends: &mut Vec<(usize, Option<usize>)>) {
        let (start, end) = (token.start as usize, token.end as usize);
        let places = match token.ascii {
            true => end..end + 1,
            false => start + 1..end + 1,
        };
        for at in places {
            if let Some(bucket) = self.bucket(bytes, at) {
                if bucket.ends_at(bytes, at) {
                    ends.push((at, None));
                }
            }
        }
    }

    /// The bucket of the unit words ending with the two bytes before `at` (> 0), if any
    /// of them may end there by the byte before those.
    #[inline]
    fn bucket(&self, bytes: &[u8], at: usize) -> Option<&Bucket> {
        // The four bytes before `at` as one load, the last in the top byte; zeros for the
        // bytes before the text.
        let four = match bytes.get(at.wrapping_sub(4)..at) {
            Some(four) => u32::from_le_bytes(four.try_into().expect("four bytes")),
            None => bytes[..at]
                .iter()
                .fold(0, |four, &b| four >> 8 | u32::from(b) << 24),
        };
        let pair = pair_slot((four >> 24) as u8, (four >> 16) as u8);
        if self.pair_bits[pair / 64] & 1 << (pair % 64) == 0 {
            return None;
        }
        let slot = self.pair_index[pair];
        let bucket = self.by_pair.get(usize::from(slot).wrapping_sub(1))?;
        let third = (four >> 8) as u8;
        (bucket.third[usize::from(third / 64)] & 1 << (third % 64) != 0).then_some(bucket)
    }

    /// The earliest start at or after `from` of a match ending at `end`, or, should the
    /// automaton fail, `from` itself: where a search must start to find it.
    fn earliest_start(
        &self,
        cache: &mut Cache,
        text: &str,
        from: usize,
        end: usize,
    ) -> Option<usize> {
        let input = Input::new(text).range(from..end).anchored(Anchored::Yes);
        // The grammar's word boundaries are ASCII, so the automaton never quits, and its cache
        // is never given up on; were it to fail, the search from `from` finds what it would.
        match self.reverse.try_search_rev(cache, &input) {
            Ok(found) => found.map(|m| m.offset()),
            Err(_) => Some(from),
        }
    }

    /// The earliest start at or after `at` of any match in `text` whose ends are `ends`:
    /// where a search of the whole text from `at` finds its match (or, where the automaton
    /// failed, an offset before it, from which a search finds it); `None` when no match
    /// starts at or after `at`.
    pub fn next_start(&self, text: &str, ends: &mut Ends, at: usize) -> Option<usize> {
        while ends.ends.get(ends.first).is_some_and(|&(end, _)| end <= at) {
            ends.first += 1;
        }
        let mut cache = None;
        let mut best: Option<usize> = None;
        for (end, start) in &mut ends.ends[ends.first..] {
            // A start found from before `at` may have a later one at or after it.
            if start.is_some_and(|s| s < at) {
                let cache = cache.get_or_insert_with(|| self.caches.get());
                *start = self.earliest_start(cache, text, at, *end);
            }
            if let Some(s) = *start {
                best = Some(best.map_or(s, |b| b.min(s)));
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A token passed over by its vocabulary number is one no unit word can end at; the
    /// exact check is left to the tokens that may.
    #[test]
    fn known_tokens_that_end_no_unit_are_told() {
        let core = r"\d+\s*(?P<unit>years|yrs|jahr\(e\)|doświadczenie)(?-u:\b)";
        let units = ["years", "yrs", "jahr(e)", "letnie doświadczenie"];
        let starts = FigureStarts::new(core, units.into_iter()).unwrap();
        for (token, may) in [
            ("years", true),
            ("fiveyears", true),
            ("yrs", true),
            ("doświadczenie", true),
            (")", true),
            ("e", false),
            ("the", false),
            ("year", false),
            ("letnie", false),
            (".", false),
            ("(", false),
        ] {
            assert_eq!(starts.may_end_with(token), may, "{token}");
        }
    }
}
