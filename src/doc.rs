//! One text of a posting (its title or description) prepared for the signal extractors:
//! the normalised text, its sentences and sections, and the lexicon hits in it, with the way
//! back to spans of the original. The analyzer builds it; signals, scorer and findings read
//! it, and depend on nothing above it.

use std::ops::Range;

use crate::lexicon::{Category, Entry, Lexicon};
use crate::matcher::{Hit, Matcher};
use crate::posting::{Field, Position, Requirement, Span};
use crate::text::{self, Normalized, Section, Segment};
use crate::token::Token;

/// How far (in bytes) a "preferably" or "is a plus" reaches to the requirement it marks.
const MARKER_REACH: usize = 90;
/// The longest preferred marker looked for before a requirement, in bytes.
const MARKER_LEN: usize = 200;

/// Whether a sibling mention other than `at` lies wholly within `a..b` (`others` sorted by
/// start).
fn sibling_between(others: &[Range<usize>], at: &Range<usize>, a: usize, b: usize) -> bool {
    let i = others.partition_point(|o| o.start < a);
    others[i..]
        .iter()
        .take_while(|o| o.start < b)
        .any(|o| o != at && o.end <= b)
}

/// One text of a posting, normalised, segmented and matched.
pub struct Doc<'a> {
    pub field: Field,
    pub original: &'a str,
    pub norm: Normalized,
    /// The tokens of the normalised text (`token::tokens`).
    pub(crate) tokens: Vec<Token>,
    /// The tokens' numbers in the lexicons' vocabulary (`Matcher::tokens_and_ids`).
    pub(crate) ids: Vec<u32>,
    pub segments: Vec<Segment>,
    pub hits: Vec<Hit>,
    pub lexicon: &'a Lexicon,
    /// Byte offsets where the original's lines start, so spans find their line quickly.
    pub(crate) line_starts: Vec<usize>,
    /// Where the text starts in its file, so spans give file lines and columns.
    pub(crate) at: Option<Position>,
    pub(crate) matcher: &'a Matcher,
    /// The posting's language (ISO 639-1 for shipped languages).
    pub lang: &'a str,
}

impl<'a> Doc<'a> {
    /// The span in the original text of a normalised range.
    pub fn span(&self, range: Range<usize>) -> Span {
        let r = self.norm.original_range(range);
        let (line, column) = text::line_column_in(self.original, &self.line_starts, r.start);
        let Position { line, column } = match self.at {
            Some(at) => at.shift(line, column),
            None => Position { line, column },
        };
        Span {
            field: self.field,
            start: r.start,
            end: r.end,
            line,
            column,
            text: self.original[r].to_string(),
        }
    }

    pub fn entry(&self, hit: &Hit) -> &'a Entry {
        &self.lexicon.entries[hit.entry]
    }

    /// Hits of one category and signal, with their entries.
    pub fn hits_of<'s>(
        &'s self,
        category: Category,
        signal: &'s str,
    ) -> impl Iterator<Item = (&'s Hit, &'a Entry)> + 's {
        // Groups are (category, signal) pairs numbered once: comparing numbers per hit
        // instead of signal strings.
        let group = self.matcher.group(category, signal);
        let groups = self.matcher.groups();
        self.hits
            .iter()
            .filter(move |h| Some(groups[h.entry]) == group)
            .map(|h| (h, self.entry(h)))
    }

    /// The (category, signal) group number of a lexicon signal, if any entry has it.
    pub fn group(&self, category: Category, signal: &str) -> Option<usize> {
        self.matcher.group(category, signal)
    }

    /// The group number of a hit's entry.
    pub fn group_of(&self, hit: &Hit) -> usize {
        self.matcher.groups()[hit.entry]
    }

    /// The hits that start inside `range` (hits are sorted by start): a look-up, not a scan.
    pub fn hits_within(&self, range: Range<usize>) -> &[Hit] {
        let from = self.hits.partition_point(|h| h.start < range.start);
        let to = self.hits.partition_point(|h| h.start < range.end);
        &self.hits[from..to.max(from)]
    }

    /// The segment holding normalised offset `pos`.
    pub fn segment_at(&self, pos: usize) -> Option<&Segment> {
        let i = self.segments.partition_point(|s| s.range.end <= pos);
        self.segments.get(i).filter(|s| s.range.start <= pos)
    }

    /// Whether a requirement stated at `at` is only preferred: its section says so, or a
    /// marker such as "ideally" before it or "is a plus" after it, with no sibling mention
    /// (`others`, sorted by start) between the marker and it. Only hits near `at` are looked
    /// at, so a posting with thousands of mentions stays linear.
    pub fn requirement(&self, at: Range<usize>, others: &[Range<usize>]) -> Requirement {
        debug_assert!(others.windows(2).all(|w| w[0].start <= w[1].start));
        let Some(seg) = self.segment_at(at.start) else {
            return Requirement::Required;
        };
        if seg.section == Section::Preferred {
            return Requirement::Preferred;
        }
        let group = self.matcher.group(Category::Context, "preferred");
        let groups = self.matcher.groups();
        let window =
            at.start
                .saturating_sub(MARKER_REACH + MARKER_LEN)
                .max(seg.range.start)..(at.end + MARKER_REACH + 1).min(seg.range.end);
        let preferred = self
            .hits_within(window)
            .iter()
            .filter(|h| Some(groups[h.entry]) == group && h.end <= seg.range.end)
            .any(|h| {
                let forward = h.end <= at.start
                    && at.start - h.end <= MARKER_REACH
                    && !sibling_between(others, &at, h.end, at.start);
                let backward = h.start >= at.end
                    && h.start - at.end <= MARKER_REACH
                    && !sibling_between(others, &at, at.end, h.start)
                    && !self.opens_sentence(h, at.end, seg.range.end);
                match self.entry(h).value.as_str() {
                    "before" => forward,
                    _ if !(forward || backward) => false,
                    _ if self.is_label(h, at.start, others) => forward,
                    _ => backward,
                }
            });
        if preferred {
            Requirement::Preferred
        } else {
            Requirement::Required
        }
    }

    /// "5+ years in hotel operations. Preferable Bilingual": a capitalised marker that opens
    /// a new sentence after the requirement, with words after it, labels what follows it.
    fn opens_sentence(&self, marker: &Hit, from: usize, segment_end: usize) -> bool {
        let text = &self.norm.text;
        text[from..marker.start].contains(['.', ';', '!', '?'])
            && text[marker.end..segment_end].contains(char::is_alphanumeric)
            && self
                .span(marker.start..marker.end)
                .text
                .starts_with(char::is_uppercase)
    }

    /// A capitalised marker right before a requirement labels it ("Desirable Masters
    /// Degree", "Preferred: 5 years") instead of trailing the one before.
    fn is_label(&self, marker: &Hit, at: usize, others: &[Range<usize>]) -> bool {
        // The first mention that starts after the marker, `at` included.
        let i = others.partition_point(|o| o.start < marker.end);
        let after = |s: &usize| *s >= marker.end;
        let next = others
            .get(i)
            .map(|o| o.start)
            .into_iter()
            .chain(Some(at).filter(after))
            .min();
        let close = next.is_some_and(|next| {
            self.norm.text[marker.end..next]
                .trim_matches([' ', ':', '-'])
                .is_empty()
        });
        close
            && self
                .span(marker.start..marker.end)
                .text
                .starts_with(char::is_uppercase)
    }

    /// Whether normalised offset `pos` lies in a part of the posting that states no
    /// requirements (about us, benefits).
    pub fn outside_requirements(&self, pos: usize) -> bool {
        self.segment_at(pos)
            .is_some_and(|s| s.section == Section::Other)
    }
}
