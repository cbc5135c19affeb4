//! The tokenizer: one pass over a text, giving its tokens with byte spans.
//!
//! A token is a maximal run of letters and digits (`char::is_alphanumeric`), or one other
//! character that is not white space ("+", ".", "&", "/"). Each token carries the kind of gap
//! before it: none ("c++", "b.s"), exactly one space ("bac +2"), or anything else (several
//! spaces, a line break). Lexicon phrases are tokenized the same way, so a phrase matches
//! a stretch of text when their tokens and gaps are equal: that is byte equality, at whole
//! words (a run of letters cannot start or end inside a token).
//!
//! ASCII is classified by a table; other characters by the standard library's Unicode
//! tables. `unicode-segmentation`'s word splitting is not used here: it splits "we'd" and
//! "3.5" otherwise than the whole-word rule lexicons are written for, and is several times
//! slower.

/// What lies between a token and the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Gap {
    /// Nothing: the token follows directly ("c" "+" "+").
    None = 0,
    /// Exactly one space.
    Space = 1,
    /// Anything else: the first token, several spaces, a line break.
    Other = 2,
}

/// One token of a text: `text[start..end]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub gap: Gap,
    /// Whether the token is a run of letters and digits (else one other character).
    pub word: bool,
    /// Whether the token is all ASCII (told while it is read, so readers need not look).
    pub ascii: bool,
}

impl Token {
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    Space,
    White,
    Mark,
    /// The first byte of a character outside ASCII: looked up as a character.
    Wide,
}

const fn ascii_classes() -> [Class; 256] {
    let mut table = [Class::Wide; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphanumeric() {
            Class::Word
        } else if c == b' ' {
            Class::Space
        } else if c.is_ascii_whitespace() || c == 0x0B {
            Class::White
        } else {
            Class::Mark
        };
        b += 1;
    }
    table
}

static CLASSES: [Class; 256] = ascii_classes();

/// Whether a byte is an ASCII letter or digit: the inner loop of a word.
static ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// How many of the eight bytes of `word` (little-endian: the first byte lowest), from the
/// first, are ASCII letters or digits: the ASCII part of a word run, eight bytes a step.
#[inline(always)]
fn alphanumeric_run(word: u64) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // With every byte's high bit cleared, adding 0x80 - b to a byte sets its high bit just
    // when the byte is at least b, and never carries into the next byte.
    let low = word & !HIGH;
    let at_least = |x: u64, b: u8| x + u64::from(0x80 - b) * ONES;
    let digit = at_least(low, b'0') & !at_least(low, b'9' + 1);
    // Upper and lower case alike once bit 0x20 is set.
    let folded = low | 0x2020_2020_2020_2020;
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    // A byte outside ASCII (high bit set) is neither.
    let alphanumeric = (digit | letter) & !word & HIGH;
    ((!alphanumeric & HIGH).trailing_zeros() / 8) as usize
}

/// The class of the character starting at byte `at` of `text`, and its length in bytes.
#[inline(always)]
fn class_at(text: &str, at: usize) -> (Class, usize) {
    let class = CLASSES[usize::from(text.as_bytes()[at])];
    if class != Class::Wide {
        return (class, 1);
    }
    wide_class_at(text, at)
}

/// `class_at` for a character outside ASCII.
#[inline(never)]
fn wide_class_at(text: &str, at: usize) -> (Class, usize) {
    let c = text[at..]
        .chars()
        .next()
        .expect("`at` is a character boundary");
    let class = if c.is_alphanumeric() {
        Class::Word
    } else if c.is_whitespace() {
        Class::White
    } else {
        Class::Mark
    };
    (class, c.len_utf8())
}

/// Calls `found` with every token of `text`, in order.
pub fn tokenize(text: &str, mut found: impl FnMut(Token)) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut at = 0;
    // The gap before the next token, as the white space since the last one is read.
    let mut gap = Gap::Other;
    while at < n {
        let (class, len) = class_at(text, at);
        match class {
            Class::Space => {
                gap = if gap == Gap::None {
                    Gap::Space
                } else {
                    Gap::Other
                };
                at += 1;
                continue;
            }
            Class::White => {
                gap = Gap::Other;
                at += len;
                continue;
            }
            _ => {}
        }
        let start = at;
        at += len;
        let word = class == Class::Word;
        let mut ascii = len == 1;
        if word {
            // The rest of the run: ASCII letters and digits eight bytes a step (then by a
            // table, near the end), others by char.
            loop {
                while let Some(eight) = bytes.get(at..at + 8) {
                    let run = alphanumeric_run(u64::from_le_bytes(
                        eight.try_into().expect("eight bytes"),
                    ));
                    at += run;
                    if run < 8 {
                        break;
                    }
                }
                while at < n && ASCII_WORD[usize::from(bytes[at])] {
                    at += 1;
                }
                if at < n && bytes[at] >= 0x80 {
                    let (class, len) = wide_class_at(text, at);
                    if class == Class::Word {
                        at += len;
                        ascii = false;
                        continue;
                    }
                }
                break;
            }
        }
        found(Token {
            start: start as u32,
            end: at as u32,
            gap,
            word,
            ascii,
        });
        gap = Gap::None;
    }
}

/// Whether `bytes` starts with `prefix`. Prefixes are short: comparing them in words of
/// eight bytes, with no call to `memcmp`, is what keeps trigger checks cheap.
#[inline]
pub fn starts_with(bytes: &[u8], prefix: &[u8]) -> bool {
    if prefix.len() > bytes.len() {
        return false;
    }
    let (mut a, mut b) = (bytes, prefix);
    while b.len() >= 8 {
        if a[..8] != b[..8] {
            return false;
        }
        (a, b) = (&a[8..], &b[8..]);
    }
    b.iter().zip(a).all(|(x, y)| x == y)
}

/// The tokens of `text`, collected.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    tokenize(text, |t| out.push(t));
    out
}

/// Numbers for a fixed set of tokens (the lexicons' words), looked up by a text's tokens.
///
/// An open-addressing table whose slots hold each token's key beside its number, so that a
/// look-up hashes the token once and usually reads one slot: one cache line. A token of up
/// to eight bytes (nearly all) is its key, packed in an integer; a longer one is keyed by a
/// hash and its bytes compared too. In front of the table, a bit per hash value (4 KB, so
/// it stays in the nearest cache) says which tokens cannot be in it: most words of a text
/// outside the vocabulary are turned away without reading the table, whose slots are spread
/// over more memory than that cache holds.
#[derive(Clone, Default)]
pub struct Vocabulary {
    /// The table; its length is a power of two, and an empty slot has `id == EMPTY`.
    slots: Vec<Slot>,
    /// Bit `filter_bit(hash)` is set when some token of the vocabulary has that hash.
    filter: Vec<u64>,
    /// Per token number, where its bytes lie in `bytes`.
    spans: Vec<(u32, u32)>,
    bytes: Vec<u8>,
}

#[derive(Clone, Copy)]
struct Slot {
    key: u64,
    len: u32,
    id: u32,
}

const EMPTY: u32 = u32::MAX;
const EMPTY_SLOT: Slot = Slot {
    key: 0,
    len: 0,
    id: EMPTY,
};

/// The key of the token `bytes[start..end]`: its bytes packed into an integer when it has
/// at most eight, else a hash of its first eight and last eight (which overlap below
/// sixteen): two loads, not a loop over every byte. Keys are compared together with
/// lengths, and a longer token's bytes too, so tokens that differ only in the middle share a
/// key and are still told apart.
#[inline]
fn key(bytes: &[u8], start: usize, end: usize) -> u64 {
    let len = end - start;
    if len <= 8 {
        match bytes.get(start..start + 8) {
            // One load, the bytes past the token masked off.
            Some(eight) => {
                let word = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
                if len == 0 {
                    0
                } else {
                    word & (u64::MAX >> (64 - 8 * len as u32))
                }
            }
            // Near the end of the text: byte by byte (a copy of a variable length would be a
            // call to `memcpy`).
            None => bytes[start..end]
                .iter()
                .rev()
                .fold(0, |packed, &b| packed << 8 | u64::from(b)),
        }
    } else {
        let eight =
            |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes"));
        let (head, tail) = (eight(start), eight(end - 8));
        (head ^ tail.rotate_left(29)).wrapping_mul(0xFF51_AFD7_ED55_8CCD) ^ tail
    }
}

/// The hash of a key of a token of `len` bytes.
#[inline]
fn hash(key: u64, len: u32) -> u64 {
    (key ^ u64::from(len)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The slot a hash leads to first.
#[inline]
fn slot(hash: u64, mask: usize) -> usize {
    (hash >> 32) as usize & mask
}

/// How many bits the presence filter has: 2^15, 4 KB.
const FILTER_BITS: u32 = 15;

/// The bit of the presence filter a hash sets: its top bits, which `slot` does not use.
#[inline]
fn filter_bit(hash: u64) -> usize {
    (hash >> (64 - FILTER_BITS)) as usize
}

impl Vocabulary {
    /// How many tokens it holds.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The token numbered `id`.
    pub fn token(&self, id: u32) -> &str {
        let (at, len) = self.spans[id as usize];
        std::str::from_utf8(&self.bytes[at as usize..(at + len) as usize])
            .expect("tokens are interned whole")
    }

    /// The number of `token`, adding it if new.
    pub fn intern(&mut self, token: &str) -> u32 {
        if let Some(id) = self.id(token) {
            return id;
        }
        if (self.spans.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let id = self.spans.len() as u32;
        self.spans
            .push((self.bytes.len() as u32, token.len() as u32));
        self.bytes.extend_from_slice(token.as_bytes());
        self.place(id);
        id
    }

    fn place(&mut self, id: u32) {
        let (at, len) = self.spans[id as usize];
        let key = key(&self.bytes, at as usize, (at + len) as usize);
        let hash = hash(key, len);
        if self.filter.is_empty() {
            self.filter = vec![0; 1 << (FILTER_BITS - 6)];
        }
        let bit = filter_bit(hash);
        self.filter[bit / 64] |= 1 << (bit % 64);
        let mask = self.slots.len() - 1;
        let mut i = slot(hash, mask);
        while self.slots[i].id != EMPTY {
            i = (i + 1) & mask;
        }
        self.slots[i] = Slot { key, len, id };
    }

    fn grow(&mut self) {
        self.slots = vec![EMPTY_SLOT; (self.slots.len() * 2).max(64)];
        for id in 0..self.spans.len() {
            self.place(id as u32);
        }
    }

    /// The number of `token`, if it is one of the vocabulary's.
    #[inline]
    pub fn id(&self, token: &str) -> Option<u32> {
        self.id_at(token.as_bytes(), 0, token.len())
    }

    /// The number of the token `bytes[start..end]`, if it is one of the vocabulary's.
    #[inline]
    pub fn id_at(&self, bytes: &[u8], start: usize, end: usize) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let key = key(bytes, start, end);
        let len = (end - start) as u32;
        let hash = hash(key, len);
        let bit = filter_bit(hash);
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = slot(hash, mask);
        loop {
            let s = self.slots[i];
            if s.id == EMPTY {
                return None;
            }
            if s.key == key && s.len == len && (len <= 8 || self.same(s.id, &bytes[start..end])) {
                return Some(s.id);
            }
            i = (i + 1) & mask;
        }
    }

    fn same(&self, id: u32, token: &[u8]) -> bool {
        let (at, len) = self.spans[id as usize];
        self.bytes[at as usize..(at + len) as usize] == *token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_tokens_alike_at_both_ends_are_told_apart() {
        // The same first and last eight bytes: one key, two tokens.
        let (a, b) = ("abcdefghXXXXijklmnop", "abcdefghYYYYijklmnop");
        let mut vocabulary = Vocabulary::default();
        let (ia, ib) = (vocabulary.intern(a), vocabulary.intern(b));
        assert_ne!(ia, ib);
        assert_eq!((vocabulary.id(a), vocabulary.id(b)), (Some(ia), Some(ib)));
        assert_eq!(vocabulary.id("abcdefghZZZZijklmnop"), None);
        let text = format!("x {b} y");
        assert_eq!(vocabulary.id_at(text.as_bytes(), 2, 2 + b.len()), Some(ib));
    }

    #[test]
    fn alphanumeric_runs_are_counted_as_byte_by_byte() {
        // Every byte value in every position of an otherwise alphanumeric word, and runs
        // broken at each position.
        let check = |bytes: [u8; 8]| {
            let expected = bytes
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            assert_eq!(
                alphanumeric_run(u64::from_le_bytes(bytes)),
                expected,
                "{bytes:?}"
            );
        };
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut bytes = *b"aZ09zA9m";
                bytes[at] = b;
                check(bytes);
            }
        }
        check(*b"abcdefgh");
        check([0xff; 8]);
    }

    fn show(text: &str) -> Vec<String> {
        tokens(text)
            .iter()
            .map(|t| {
                let gap = match t.gap {
                    Gap::None => "",
                    Gap::Space => "_",
                    Gap::Other => "~",
                };
                format!("{gap}{}", &text[t.range()])
            })
            .collect()
    }

    #[test]
    fn tokens_and_gaps() {
        assert_eq!(
            show("c++ and b.s."),
            ["~c", "+", "+", "_and", "_b", ".", "s", "."]
        );
        assert_eq!(show("bac +2"), ["~bac", "_+", "2"]);
        assert_eq!(
            show("end-to-end  x\ny"),
            ["~end", "-", "to", "-", "end", "~x", "~y"]
        );
        assert_eq!(show("we'd 3.5"), ["~we", "'", "d", "_3", ".", "5"]);
        assert_eq!(
            show("führungserfahrung, 3-jährige"),
            ["~führungserfahrung", ",", "_3", "-", "jährige"]
        );
        assert_eq!(show("  "), Vec::<String>::new());
        assert_eq!(show("«ça»\u{2028}é"), ["~«", "ça", "»", "~é"]);
    }

    #[test]
    fn vocabulary_numbers_tokens() {
        let mut v = Vocabulary::default();
        let words = [
            "a",
            "senior",
            "führungserfahrung",
            "berufserfahrung",
            "12345678",
            "123456789",
        ];
        let ids: Vec<u32> = words.iter().map(|w| v.intern(w)).collect();
        assert_eq!(ids, [0, 1, 2, 3, 4, 5]);
        for (w, id) in words.iter().zip(&ids) {
            assert_eq!(v.id(w), Some(*id));
            assert_eq!(v.intern(w), *id);
        }
        for other in [
            "",
            "b",
            "senio",
            "seniors",
            "führungserfahrunG",
            "1234567",
            "1234567890",
        ] {
            assert_eq!(v.id(other), None, "{other}");
        }
        for i in 0..1000 {
            v.intern(&format!("w{i}"));
        }
        assert_eq!(v.len(), 1006);
        assert!((0..1000).all(|i| v.id(&format!("w{i}")) == Some(6 + i)));
        assert_eq!(v.id("senior"), Some(1));
    }

    #[test]
    fn spans_cover_the_text_but_white_space() {
        let text = "Senior  (m/w/d) – 5+ Jahre\r\n\tdatos · ½";
        let mut rebuilt = String::new();
        let mut last = 0;
        for t in tokens(text) {
            assert!(text[last..t.start as usize]
                .chars()
                .all(char::is_whitespace));
            rebuilt.push_str(&text[t.range()]);
            last = t.end as usize;
        }
        let kept: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(rebuilt, kept);
    }
}
