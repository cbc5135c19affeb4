//! Text normalisation and segmentation, with byte spans back into the original text.
//!
//! Matching runs over a normalised copy of the posting: lower case, plain quotes and dashes,
//! plain spaces, bullets and glued list items turned into line breaks, HTML entities decoded.
//! Every normalised byte can tell the original character it came from, so a match in the
//! normalised text maps back to exact byte offsets in what the user gave.

use std::ops::Range;

use crate::token::Token;

/// One text ready to be read: normalised, its tokens (`token::tokens` of the normalised
/// text) and their numbers in the lexicons' vocabulary (`Matcher::tokens_and_ids`). Made
/// once, read by language detection and by the matcher.
pub struct Prepared {
    pub norm: Normalized,
    pub tokens: Vec<Token>,
    pub ids: Vec<u32>,
}

/// A normalised copy of one text and the way back to the original.
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    /// Where the bytes of `text` come from, in pieces by their first byte, each reaching to
    /// the next piece. Most of a text is a few long runs copied byte for byte, so the map
    /// is a few pieces, not a pair of offsets a byte.
    origin: Vec<Piece>,
    original_len: usize,
}

/// Bytes of the normalised text from `at` (to the next piece) and where they come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    at: u32,
    start: u32,
    end: u32,
    /// A run copied byte for byte: the byte at `at + i` is the original byte `start + i`.
    /// Else every byte of the piece comes from the one character (or entity) `start..end`,
    /// or from nothing at `start` (a line break restored there).
    run: bool,
}

impl Normalized {
    /// Normalises `original`; `vocabulary` helps tell glued list items from real words.
    pub fn new(original: &str, vocabulary: &dyn Vocabulary) -> Normalized {
        let mut out = Normalized {
            text: String::with_capacity(original.len()),
            // Room up front: real postings have a piece in about 75 bytes (dev.jsonl).
            origin: Vec::with_capacity(original.len() / 64 + 1),
            original_len: original.len(),
        };
        let bytes = original.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // Most of a text is lower-case ASCII letters, spaces and punctuation: runs of them
            // are kept as they are, and no lost line break is restored before them.
            let plain = bytes[at..]
                .iter()
                .position(|&b| !PLAIN[usize::from(b)])
                .unwrap_or(bytes.len() - at);
            if plain > 0 {
                out.copied(at);
                out.text.push_str(&original[at..at + plain]);
                at += plain;
                continue;
            }
            // A capital or a digit after a space or a bracket (the start of most capitalised
            // words and figures) restores no line break: every glued boundary follows a
            // letter or a sentence's end, and every glued figure a lower-case word.
            let b = bytes[at];
            let after_apart = at == 0 || {
                let prev = bytes[at - 1];
                prev.is_ascii() && !prev.is_ascii_alphabetic() && !b".:;!?)".contains(&prev)
            };
            if (b.is_ascii_uppercase() || b.is_ascii_digit()) && after_apart {
                out.copied(at);
                out.text.push(char::from(b.to_ascii_lowercase()));
                at += 1;
                continue;
            }
            let c = original[at..]
                .chars()
                .next()
                .expect("`at` is a character boundary");
            let end = at + c.len_utf8();
            if c == '&' {
                if let Some((decoded, len)) = decode_entity(&original[at..]) {
                    // An entity ends with an ASCII ';', on a character boundary.
                    out.push_char(decoded, at, at + len);
                    at += len;
                    continue;
                }
            }
            if glued_boundary(original, at, vocabulary) || glued_figure(original, at, vocabulary) {
                out.push_char('\n', at, at);
            }
            out.push_char(c, at, end);
            at = end;
        }
        out
    }

    fn push_char(&mut self, c: char, start: usize, end: usize) {
        if c.is_ascii() {
            // The common case, without the Unicode tables: what `normalize_char` and
            // `to_lowercase` give for ASCII.
            let b = match c {
                '`' => '\'',
                '\r' => '\n',
                '\n' => '\n',
                c if c.is_ascii_control() => ' ',
                c => c.to_ascii_lowercase(),
            };
            if end == start + 1 {
                self.copied(start);
            } else {
                self.made_of(start, end);
            }
            self.text.push(b);
            return;
        }
        let mapped = normalize_char(c);
        let mut buf = [0u8; 4];
        match mapped {
            Mapped::Char(m) => self.push_str(m.encode_utf8(&mut buf), start, end),
            Mapped::Lower => {
                for lower in c.to_lowercase() {
                    self.push_str(lower.encode_utf8(&mut buf), start, end);
                }
            }
        }
    }

    fn push_str(&mut self, s: &str, start: usize, end: usize) {
        self.made_of(start, end);
        self.text.push_str(s);
    }

    /// The bytes about to be pushed are copied from original offset `at` on.
    fn copied(&mut self, at: usize) {
        let here = self.text.len() as u32;
        if let Some(last) = self.origin.last() {
            if last.run && last.start + (here - last.at) == at as u32 {
                return;
            }
        }
        let (at, start) = (here, at as u32);
        self.origin.push(Piece {
            at,
            start,
            end: start,
            run: true,
        });
    }

    /// The bytes about to be pushed come from the original character `start..end`.
    fn made_of(&mut self, start: usize, end: usize) {
        let (start, end) = (start as u32, end as u32);
        if let Some(last) = self.origin.last() {
            if !last.run && last.start == start && last.end == end {
                return;
            }
        }
        let at = self.text.len() as u32;
        self.origin.push(Piece {
            at,
            start,
            end,
            run: false,
        });
    }

    /// The normalised offset where piece `i` ends.
    fn piece_end(&self, i: usize) -> usize {
        self.origin
            .get(i + 1)
            .map_or(self.text.len(), |next| next.at as usize)
    }

    /// The original byte range that normalised byte `i` (inside the text) comes from.
    fn origin_of(&self, i: usize) -> (usize, usize) {
        let piece = self.origin[self.origin.partition_point(|p| p.at as usize <= i) - 1];
        match piece.run {
            true => {
                let start = piece.start as usize + (i - piece.at as usize);
                (start, start + 1)
            }
            false => (piece.start as usize, piece.end as usize),
        }
    }

    /// The normalised offset of the first byte that comes from original offset `at` or
    /// later.
    pub fn normalized_offset(&self, at: usize) -> usize {
        // Original offsets only grow along the text: the first piece that reaches `at`.
        let last_start = |i: usize| {
            let piece = &self.origin[i];
            match piece.run {
                true => piece.start as usize + (self.piece_end(i) - piece.at as usize) - 1,
                false => piece.start as usize,
            }
        };
        let mut low = 0;
        let mut high = self.origin.len();
        while low < high {
            let mid = (low + high) / 2;
            if last_start(mid) < at {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        let Some(piece) = self.origin.get(low) else {
            return self.text.len();
        };
        match piece.run {
            true => piece.at as usize + at.saturating_sub(piece.start as usize),
            false => piece.at as usize,
        }
    }

    /// The original byte range of the normalised range `range`.
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        let len = self.text.len();
        if range.start >= len {
            return self.original_len..self.original_len;
        }
        let start = self.origin_of(range.start).0;
        let end = if range.end == 0 {
            start
        } else {
            self.origin_of((range.end - 1).min(len - 1)).1
        };
        start..end.max(start)
    }

    /// The original byte range of every normalised byte, one by one.
    #[cfg(test)]
    fn byte_origins(&self) -> Vec<(usize, usize)> {
        (0..self.text.len()).map(|i| self.origin_of(i)).collect()
    }
}

/// The bytes kept as they are: lower-case ASCII letters, the space, and ASCII punctuation
/// but `&` (an entity may start) and `` ` `` (an apostrophe).
static PLAIN: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = c.is_ascii_lowercase()
            || c == b' '
            || c.is_ascii_punctuation() && c != b'&' && c != b'`';
        b += 1;
    }
    table
};

/// Calls `f` with `word` in lower case (`str::to_lowercase`), without allocating when the
/// word is short ASCII, as the words the normaliser and the extractors look up nearly all
/// are.
pub(crate) fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()) {
        Some(lower) if word.is_ascii() => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            f(std::str::from_utf8(lower).expect("ASCII"))
        }
        _ => f(&word.to_lowercase()),
    }
}

/// Word knowledge the normaliser uses to restore line breaks that scraping lost.
pub trait Vocabulary {
    /// A camel-cased word that is one known term ("javascript"), not two glued items.
    fn is_term(&self, word: &str) -> bool;
    /// A time unit of the years grammar ("years"), in lower case.
    fn is_unit(&self, word: &str) -> bool;
}

enum Mapped {
    Char(char),
    Lower,
}

fn normalize_char(c: char) -> Mapped {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => Mapped::Char('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => Mapped::Char('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => Mapped::Char('-'),
        '\u{2022}' | '\u{00B7}' | '\u{25AA}' | '\u{25CF}' | '\u{25E6}' | '\u{2023}'
        | '\u{2219}' | '\u{25A0}' | '\u{27A2}' | '\u{2713}' | '\u{2714}' | '\u{2192}'
        | '\u{25BA}' | '\r' | '\u{2028}' | '\u{2029}' => Mapped::Char('\n'),
        // Every other space of Unicode's White_Space (the no-break, en, em, thin, hair,
        // ideographic ones...), so that a phrase with a space matches across it.
        '\t'
        | '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => Mapped::Char(' '),
        '\u{200B}' | '\u{FEFF}' | '\u{00AD}' => Mapped::Char(' '),
        c if c.is_control() && c != '\n' => Mapped::Char(' '),
        _ => Mapped::Lower,
    }
}

/// Scraped postings lose the line breaks between list items and headings
/// ("...experienceStrong skills", "IHRE AUFGABENKonzeption"); a lower-to-upper case change
/// inside a word, or a sentence end glued to the next word, marks a lost break.
fn glued_boundary(original: &str, at: usize, vocabulary: &dyn Vocabulary) -> bool {
    let mut after = original[at..].chars();
    let (Some(cur), Some(next)) = (after.next(), after.next()) else {
        return false;
    };
    // Every lost break found below comes before a capital.
    if !cur.is_uppercase() {
        return false;
    }
    // The four characters before, nearest first.
    let mut before = [None; 4];
    for (slot, c) in before.iter_mut().zip(original[..at].chars().rev()) {
        *slot = Some(c);
    }
    let Some(prev) = before[0] else {
        return false;
    };
    let is = |c: Option<char>, test: fn(char) -> bool| c.is_some_and(test);
    // "Computer VisionB.S.", "managementMBA": an abbreviation glued to a long word.
    let glued_abbreviation = cur.is_uppercase()
        && (next.is_uppercase() || next == '.')
        && before.iter().all(|&c| is(c, char::is_lowercase));
    if glued_abbreviation {
        return true;
    }
    if !cur.is_uppercase() || !next.is_lowercase() {
        return false;
    }
    let lower_to_upper = prev.is_lowercase();
    let caps_run = prev.is_uppercase()
        && is(before[1], char::is_uppercase)
        && is(before[2], char::is_uppercase);
    // "...the other jobs.)Job Requirements:": a bracket closing a sentence ends it too.
    let sentence_end = matches!(prev, '.' | ':' | ';' | '!' | '?' | ')')
        && is(before[1], char::is_alphabetic)
        && is(before[1], char::is_lowercase)
        || prev == ')'
            && matches!(before[1], Some('.' | '!' | '?'))
            && is(before[2], char::is_lowercase);
    if !(lower_to_upper || caps_run || sentence_end) {
        return false;
    }
    if sentence_end {
        return true;
    }
    // The whole alphabetic word around the change decides: a known term stays whole.
    let (mut start, mut left) = (at, 0);
    for c in original[..at]
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
    {
        start -= c.len_utf8();
        left += 1;
    }
    let end = original[at..]
        .find(|c: char| !c.is_alphanumeric())
        .map_or(original.len(), |p| at + p);
    // Short words with an inner capital are names (iOS, McDonald, PhD), not glued items.
    left >= 3 && !with_lowercase(&original[start..end], |word| vocabulary.is_term(word))
}

/// "...at scale4+ years of industry experience": a word glued to a years figure.
fn glued_figure(original: &str, at: usize, vocabulary: &dyn Vocabulary) -> bool {
    let rest = &original[at..];
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let mut before = original[..at].chars().rev();
    if !(0..3).all(|_| before.next().is_some_and(char::is_lowercase)) {
        return false;
    }
    let after_figure = rest.trim_start_matches(|c: char| {
        c.is_ascii_digit() || matches!(c, '+' | '-' | '\u{2013}' | ' ' | '.' | ',')
    });
    let letters = after_figure
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(after_figure.len(), |(i, _)| i);
    let word = &after_figure[..letters];
    !word.is_empty() && with_lowercase(word, |word| vocabulary.is_unit(word))
}

fn decode_entity(s: &str) -> Option<(char, usize)> {
    let end = s.as_bytes().iter().take(10).position(|&b| b == b';')?;
    let body = &s[1..end];
    let c = match body {
        "amp" => '&',
        "nbsp" => ' ',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" | "rsquo" | "lsquo" => '\'',
        "ldquo" | "rdquo" => '"',
        "ndash" | "mdash" => '-',
        "bull" | "middot" => '\n',
        _ => {
            let num = body.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, end + 1))
}

/// What a stretch of a posting is for, which decides whether its requirements count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    /// Text before any heading, or under a heading rung does not know.
    General,
    /// Requirements, qualifications, "what we are looking for".
    Required,
    /// Nice to have, preferred qualifications, bonus points.
    Preferred,
    /// Responsibilities: what the role does.
    Duties,
    /// About us, benefits, how to apply: not requirements.
    Other,
}

/// One sentence or list item of the normalised text.
#[derive(Clone, Debug)]
pub struct Segment {
    pub range: Range<usize>,
    pub section: Section,
    pub heading: bool,
}

/// Splits normalised text into lines and sentences. `heading_section` names the section that
/// a stretch of text (a byte range of `text`) opens when it is a heading, or `None`.
pub fn segments(
    norm: &Normalized,
    original: &str,
    heading_section: &dyn Fn(Range<usize>) -> Option<Section>,
) -> Vec<Segment> {
    segments_in_parts(norm, original, heading_section, &[])
}

/// `segments` for a text joined from parts (the columns of a posting): `parts` holds, in
/// order, the normalised offset at which each part starts and the section it opens. No
/// line runs from one part into the next, and each part starts in its own section, which
/// its headings may change as in any text.
pub fn segments_in_parts(
    norm: &Normalized,
    original: &str,
    heading_section: &dyn Fn(Range<usize>) -> Option<Section>,
    parts: &[(usize, Section)],
) -> Vec<Segment> {
    let text = norm.text.as_str();
    // Room up front: real postings have a segment in about 88 bytes (dev.jsonl).
    let mut out = Vec::with_capacity(text.len() / 64 + 1);
    let mut section = Section::General;
    // Whether the current section has text under its heading yet, and whether a heading
    // opened it (a column of its own, such as a company profile, is not ended by a blank line).
    let mut body = false;
    let mut headed = false;
    let mut prev_end = 0;
    let mut next_part = 0;
    let breaks: Vec<usize> = parts.iter().map(|&(at, _)| at).collect();
    for range in logical_lines(norm, original, &breaks) {
        while let Some(&(at, kind)) = parts.get(next_part) {
            if at > range.start {
                break;
            }
            section = kind;
            body = false;
            headed = false;
            next_part += 1;
        }
        // "About us" and a paragraph on the company, then a blank line and the job: a
        // blank line after the first paragraph of an about-us or benefits section ends it
        // (the description of the job that follows has no heading of its own).
        // The original tells: bullets and carriage returns are line breaks once normalised.
        // (Looked up only where it matters: the original's offsets are a search away.)
        let blank_before = |from: usize| {
            let between = &original[norm.original_range(from..range.start)];
            let (newlines, returns) = between.bytes().fold((0, 0), |(n, r), b| {
                (n + usize::from(b == b'\n'), r + usize::from(b == b'\r'))
            });
            newlines.max(returns) >= 2
        };
        if body && headed && section == Section::Other && blank_before(prev_end) {
            section = Section::General;
        }
        prev_end = range.end;
        let (opened, inline) = heading_of(text, range.clone(), heading_section);
        if let Some(kind) = opened {
            if inline {
                // "Nice to have: Kafka" sets this line only; "Nice to have:" what follows too.
                // A label such as "Education: a PhD" under "Nice to have" stays preferred.
                let kind = match (kind, section) {
                    (Section::Required, Section::Preferred | Section::Other) => section,
                    _ => kind,
                };
                split_sentences(text, range, kind, &mut out);
                continue;
            }
            section = kind;
            body = false;
            headed = true;
            out.push(Segment {
                range,
                section,
                heading: true,
            });
            continue;
        }
        body = true;
        split_sentences(text, range, section, &mut out);
    }
    out
}

/// Non-empty lines, with a line that continues a broken sentence ("3+ years\n of
/// professional experience") joined to the one before.
/// No line is joined across a normalised offset in `breaks` (sorted).
fn logical_lines(norm: &Normalized, original: &str, breaks: &[usize]) -> Vec<Range<usize>> {
    let text = norm.text.as_str();
    // The normalised text is lower case; the original tells a continued sentence.
    let lower_at = |pos: usize| {
        let r = norm.original_range(pos..pos + 1);
        original[r.start..]
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
    };
    // Room up front: real postings have a line in about 115 bytes (dev.jsonl).
    let mut lines: Vec<Range<usize>> = Vec::with_capacity(text.len() / 96 + 1);
    let mut pos = 0;
    // The lines' ends, found by `memchr` (several times the speed of `str::split`'s search).
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    for end in ends {
        let line = &text[pos..end];
        let range = pos..end;
        pos = end + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let first = range.start + (line.len() - line.trim_start().len());
        // The original's case is looked up last: it is the dearest test.
        let continues = lines.last().is_some_and(|prev| {
            let i = breaks.partition_point(|&b| b <= prev.end);
            breaks.get(i).is_none_or(|&b| b > first)
        }) && lines.last().is_some_and(|prev| {
            let before = text[prev.clone()].trim_end();
            !before.ends_with(['.', ':', ';', '!', '?']) && before.len() < 300
        }) && lower_at(first);
        match lines.last_mut() {
            Some(prev) if continues => prev.end = range.end,
            _ => lines.push(range),
        }
    }
    lines
}

fn heading_of(
    text: &str,
    line: Range<usize>,
    heading_section: &dyn Fn(Range<usize>) -> Option<Section>,
) -> (Option<Section>, bool) {
    let s = &text[line.clone()];
    let trim = |c: char| c == '#' || c == '*' || c == '-' || c == ' ' || c == '\u{2022}';
    let lead = s.len() - s.trim_start_matches(trim).len();
    let body = s.trim_matches(trim);
    let start = line.start + lead;
    if let Some(colon) = memchr::memchr(b':', body.as_bytes()) {
        if colon <= 50 {
            if let Some(kind) = heading_section(start..start + colon) {
                return (Some(kind), !body[colon + 1..].trim().is_empty());
            }
        }
    }
    if body.len() <= 60 && !body.contains(". ") {
        let end = start + body.trim_end_matches(['.', '!', '?', ':']).len();
        if let Some(kind) = heading_section(start..end) {
            return (Some(kind), false);
        }
    }
    (None, false)
}

fn split_sentences(text: &str, range: Range<usize>, section: Section, out: &mut Vec<Segment>) {
    let bytes = text.as_bytes();
    let mut start = range.start;
    for i in sentence_marks(&bytes[range.clone()]).map(|i| range.start + i) {
        let ends = bytes[i] == b';'
            || matches!(bytes.get(i + 1), Some(b' ' | b'\n' | b'-'))
                && !abbreviation_before(&text[start..i]);
        if ends {
            push_segment(text, start..i + 1, section, out);
            start = i + 1;
        }
    }
    push_segment(text, start..range.end, section, out);
}

/// The offsets in `bytes`, in order, of the marks that may end a sentence: `;`, `.`, `!`
/// and `?`. A line holds few of them, so the search jumps from one to the next.
fn sentence_marks(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut stops = memchr::memchr3_iter(b'.', b'!', b'?', bytes).peekable();
    let mut semicolons = memchr::memchr_iter(b';', bytes).peekable();
    std::iter::from_fn(move || match (stops.peek(), semicolons.peek()) {
        (Some(&a), Some(&b)) if b < a => semicolons.next(),
        (Some(_), _) => stops.next(),
        (None, _) => semicolons.next(),
    })
}

/// "e.g.", "B.Sc.", "approx." and single letters end no sentence.
fn abbreviation_before(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    word.len() <= 2
        || word.contains('.')
        || matches!(
            word,
            "approx" | "incl" | "etc" | "min" | "max" | "yrs" | "vs"
                // German, Dutch, French, Spanish, Italian, Polish, Portuguese.
                | "bzw" | "ca" | "inkl" | "mind" | "evtl" | "ggf" | "usw" | "bspw" | "sog"
                | "vgl" | "zzgl" | "dipl" | "bijv" | "mbv" | "env" | "aprox" | "pág" | "ecc"
                | "np" | "tj" | "itp" | "ok" | "wg" | "ds" | "mgr" | "inż" | "dr" | "prof"
        )
}

fn push_segment(text: &str, range: Range<usize>, section: Section, out: &mut Vec<Segment>) {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() {
        return;
    }
    out.push(Segment {
        range: range.start + lead..range.end - trail,
        section,
        heading: false,
    });
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Byte offsets at which the lines of `text` start (0 first).
pub fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
        .collect()
}

/// `line_column` with the line starts computed once (`line_starts`): a posting with many
/// spans stays linear.
pub fn line_column_in(text: &str, starts: &[usize], offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let line = starts.partition_point(|&s| s <= offset).max(1);
    let start = starts[line - 1].min(offset);
    (line, text[start..offset].chars().count() + 1)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_on_the_stack_is_to_lowercase() {
        for word in ["Years", "JavaScript", "ÉQUIPE", "", &"Ab".repeat(40)] {
            with_lowercase(word, |lower| assert_eq!(lower, word.to_lowercase()));
        }
    }

    struct Words;
    impl Vocabulary for Words {
        fn is_term(&self, word: &str) -> bool {
            word == "javascript"
        }
        fn is_unit(&self, word: &str) -> bool {
            word == "years"
        }
    }

    fn norm(s: &str) -> Normalized {
        Normalized::new(s, &Words)
    }

    #[test]
    fn folds_case_quotes_dashes_and_entities() {
        let n = norm("Bachelor\u{2019}s degree \u{2013} 3\u{00A0}years &amp; more");
        assert_eq!(n.text, "bachelor's degree - 3 years & more");
    }

    /// Every white space character of Unicode is a space or a line break once normalised.
    #[test]
    fn unicode_white_space_becomes_a_space_or_a_line_break() {
        let spaces: String = ('\u{80}'..='\u{3000}')
            .filter(|c| c.is_whitespace())
            .collect();
        let n = norm(&spaces);
        assert!(
            n.text.chars().all(|c| c == ' ' || c == '\n'),
            "{:?}",
            n.text
        );
        assert_eq!(norm("3\u{2005}years\u{2028}sql").text, "3 years\nsql");
    }

    #[test]
    fn ascii_fast_path_agrees_with_the_general_mapping() {
        for b in 0u8..128 {
            let c = b as char;
            let mut want = String::new();
            match normalize_char(c) {
                Mapped::Char(m) => want.push(m),
                Mapped::Lower => want.extend(c.to_lowercase()),
            }
            let mut got = Normalized {
                text: String::new(),
                origin: Vec::new(),
                original_len: 1,
            };
            got.push_char(c, 0, 1);
            assert_eq!(got.text, want, "{b}");
            assert_eq!(got.byte_origins(), vec![(0, 1)]);
        }
    }

    /// The map in pieces answers as a pair of original offsets kept for every byte would.
    #[test]
    fn pieces_map_every_byte() {
        let original = "Caf\u{e9} &amp; \u{201c}Go \u{130} SQLExperience\u{2013}5+ Years &#x41;b";
        let n = norm(original);
        let origins = n.byte_origins();
        assert_eq!(origins.len(), n.text.len());
        // Each byte comes from the character it was made of.
        let expect = |needle: &str, from: &str| {
            let at = n.text.rfind(needle).unwrap();
            let want = original.rfind(from).unwrap();
            for origin in &origins[at..at + needle.len()] {
                assert_eq!(*origin, (want, want + from.len()), "{needle}");
            }
        };
        expect("&", "&amp;");
        expect("\"", "\u{201c}");
        expect("-", "\u{2013}");
        expect("i\u{307}", "\u{130}");
        expect("a", "&#x41;");
        // Copied bytes map one to one, lower-cased ones too.
        let at = n.text.find("sql").unwrap();
        let from = original.find("SQL").unwrap();
        assert_eq!(
            origins[at..at + 3],
            [(from, from + 1), (from + 1, from + 2), (from + 2, from + 3)]
        );
        // Offsets back and forth agree with the byte-by-byte map.
        for at in 0..=original.len() + 1 {
            let want = origins.partition_point(|&(start, _)| start < at);
            assert_eq!(n.normalized_offset(at), want, "{at}");
        }
        for start in 0..=n.text.len() {
            for end in start..=n.text.len() {
                let r = n.original_range(start..end);
                if start < n.text.len() {
                    let last = origins[end.max(1) - 1].1;
                    let want_end = if end == 0 { origins[start].0 } else { last };
                    assert_eq!(r, origins[start].0..want_end.max(origins[start].0));
                } else {
                    assert_eq!(r, original.len()..original.len());
                }
            }
        }
    }

    #[test]
    fn maps_back_to_original_bytes() {
        let original = "Caf\u{e9} \u{2013} 5+ Years";
        let n = norm(original);
        let at = n.text.find("5+ years").unwrap();
        let r = n.original_range(at..at + "5+ years".len());
        assert_eq!(&original[r], "5+ Years");
    }

    #[test]
    fn splits_glued_list_items_but_keeps_known_terms() {
        let n = norm("Strong experienceGood JavaScript skills.Next item");
        assert_eq!(
            n.text,
            "strong experience\ngood javascript skills.\nnext item"
        );
        let i = n.text.find("good").unwrap();
        assert_eq!(n.original_range(i..i + 4), 17..21);
        assert_eq!(norm("at scale4+ years").text, "at scale\n4+ years");
        assert_eq!(norm("python3 scripts").text, "python3 scripts");
    }

    #[test]
    fn headings_set_sections() {
        let original = "About the role\nRequirements:\n3+ years of SQL. A degree.\nNice to have: Kafka\nBenefits\n5 years pension";
        let norm = norm(original);
        let text = norm.text.as_str();
        let kinds = |r: Range<usize>| match &text[r] {
            "requirements" => Some(Section::Required),
            "nice to have" => Some(Section::Preferred),
            "benefits" => Some(Section::Other),
            _ => None,
        };
        let segs = segments(&norm, original, &kinds);
        let find = |s: &str| {
            segs.iter()
                .find(|g| &text[g.range.clone()] == s)
                .map(|g| g.section)
        };
        assert_eq!(find("about the role"), Some(Section::General));
        assert_eq!(find("3+ years of sql."), Some(Section::Required));
        assert_eq!(find("a degree."), Some(Section::Required));
        assert_eq!(find("nice to have: kafka"), Some(Section::Preferred));
        assert_eq!(find("5 years pension"), Some(Section::Other));
    }

    #[test]
    fn line_and_column_count_characters() {
        assert_eq!(line_column("ab\nc\u{e9}d", 6), (2, 3));
        assert_eq!(line_column("abc", 0), (1, 1));
        for text in ["ab\nc\u{e9}d\n\nx", "", "\n", "abc"] {
            let starts = line_starts(text);
            for offset in 0..=text.len() {
                assert_eq!(
                    line_column_in(text, &starts, offset),
                    line_column(text, offset),
                    "{text:?} {offset}"
                );
            }
        }
    }
}
