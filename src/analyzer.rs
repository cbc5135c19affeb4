//! The analyzer: lexicons compiled once, then applied to one posting at a time.

use std::collections::HashSet;
use std::ops::Range;

pub use crate::doc::Doc;
use crate::lexicon::{Category, Entry, Lexicon, Pattern};
use crate::matcher::{Hit, Matcher};
use crate::posting::{Analysis, Experience, Field, Position, Posting, Span};
use crate::signals::experience::YearsGrammar;
use crate::text::{self, Normalized, Prepared, Section};
use crate::{findings, language, scorer, signals};

/// Compiled lexicons: build one and share it across threads (it is `Send + Sync`).
pub struct Analyzer {
    pub(crate) lexicon: Lexicon,
    matcher: Matcher,
    /// The function words' language votes, by the matcher's numbers for tokens.
    votes: language::Votes,
    pub(crate) years: YearsGrammar,
    /// Single-word phrases, kept whole when written camel-cased ("JavaScript").
    terms: HashSet<String>,
    /// The years grammar's time units ("years").
    units: HashSet<String>,
    /// The years grammar's number words ("five", "zwei"), lower case.
    numbers: HashSet<String>,
}

/// The most of a description that is analysed, in bytes. Real postings are a few KiB; past
/// this the extractors' cost grows with the square of the mentions, so an adversarial or
/// mistaken input (a whole scrape in one cell) would stall a run. The rest is ignored and
/// spans stay offsets into the original text, whose prefix was analysed.
pub const MAX_DESCRIPTION_BYTES: usize = 256 * 1024;
/// The most of a title that is analysed, in bytes.
pub const MAX_TITLE_BYTES: usize = 1024;

/// The prefix of `text` that is analysed: at most `max` bytes, cut on a character boundary.
pub fn analysed_part(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Whether a posting is longer than rung analyses, so callers can say it was truncated.
pub fn is_truncated(posting: &Posting) -> bool {
    posting.description.len() > MAX_DESCRIPTION_BYTES || posting.title.len() > MAX_TITLE_BYTES
}

/// The stages of `Analyzer::analyze_marked`, each reported as it ends. The three stages of a
/// text come twice, for the title and then for the description; the other signals, scoring
/// and findings follow the last mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The title and description are normalised (case, quotes, dashes, entities, glued list
    /// items), tokenized, and their tokens numbered.
    Normalised,
    /// The posting's language is known (detected or given).
    Language,
    /// Its lexicon phrases and regular expressions are found.
    Matched,
    /// Its lines, sentences and sections are found.
    Segmented,
    /// The years grammar and the other experience signals are read.
    Experience,
}

/// Problems building an analyzer from a lexicon.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct BuildError(String);

impl Analyzer {
    pub fn new(lexicon: Lexicon) -> Result<Analyzer, BuildError> {
        let words: Vec<&str> = language::function_words().collect();
        let matcher = Matcher::with_words(&lexicon, &words).map_err(BuildError)?;
        let votes = language::Votes::new(matcher.vocabulary());
        let mut years = YearsGrammar::new(&lexicon).map_err(BuildError)?;
        years.learn_vocabulary(matcher.vocabulary());
        let terms = lexicon
            .entries
            .iter()
            .filter_map(|e| match &e.pattern {
                Pattern::Literal(p) if !p.contains(' ') => Some(p.clone()),
                _ => None,
            })
            .collect();
        let units = lexicon
            .select(Category::Experience, "unit")
            .map(|e| e.pattern.as_str().to_string())
            .collect();
        let numbers = lexicon
            .select(Category::Experience, "number")
            .map(|e| e.pattern.as_str().to_lowercase())
            .collect();
        Ok(Analyzer {
            lexicon,
            matcher,
            votes,
            years,
            terms,
            units,
            numbers,
        })
    }

    /// The analyzer over rung's shipped lexicons.
    pub fn with_defaults() -> Result<Analyzer, BuildError> {
        let lexicon = Lexicon::embedded().map_err(|e| BuildError(e.to_string()))?;
        Analyzer::new(lexicon)
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Prepares one text (title or description) for the signal extractors, read with the
    /// lexicons of `lang` and English, calling `mark` as each stage ends. The text comes
    /// normalised and tokenized ([`Analyzer::prepare`]). `at` is where the
    /// text starts in its file, if it is a stretch of one. A text joined from parts (the
    /// columns of a posting) has `parts`: each `(original offset, section)` starts a part in
    /// that section (see `text::segments_in_parts`); other texts have none.
    #[allow(clippy::too_many_arguments)]
    fn doc<'a>(
        &'a self,
        field: Field,
        original: &'a str,
        prepared: Prepared,
        at: Option<Position>,
        lang: &'a str,
        parts: &[(usize, Section)],
        mark: &mut dyn FnMut(Stage),
    ) -> Doc<'a> {
        let Prepared { norm, tokens, ids } = prepared;
        let hits = self
            .matcher
            .find_in(&norm.text, &tokens, &ids, &["en", lang]);
        mark(Stage::Matched);
        let section = self.matcher.group(Category::Context, "section");
        let marker = self.matcher.group(Category::Context, "preferred");
        let groups = self.matcher.groups();
        let heading = |range: Range<usize>| {
            // Hits are sorted by start: only those starting inside the range can lie in it.
            let (first, end) = (hits.partition_point(|h| h.start < range.start), range.end);
            let inside = || hits[first..].iter().take_while(move |h| h.start < end);
            // "CPA preferred", "Spanish a plus": an item that a trailing marker makes
            // preferred, not a heading over the items after it.
            let trailing = inside().any(|h| {
                Some(groups[h.entry]) == marker
                    && self.lexicon.entries[h.entry].value == "after"
                    && norm.text[h.end..range.end].trim().is_empty()
                    && !covered_before(&norm.text, range.start, h.start, inside(), |h| {
                        Some(groups[h.entry]) == section
                    })
            });
            if trailing {
                return None;
            }
            let section_hits = inside().filter(|h| Some(groups[h.entry]) == section);
            heading_section(&self.lexicon, section_hits, &norm.text, range)
        };
        let parts: Vec<(usize, Section)> = parts
            .iter()
            .map(|&(at, section)| (norm.normalized_offset(at), section))
            .collect();
        let segments = text::segments_in_parts(&norm, original, &heading, &parts);
        mark(Stage::Segmented);
        Doc {
            field,
            original,
            line_starts: text::line_starts(original),
            at,
            norm,
            tokens,
            ids,
            segments,
            hits,
            lexicon: &self.lexicon,
            matcher: &self.matcher,
            lang,
        }
    }

    /// A text normalised and tokenized, its tokens numbered: what detection and the
    /// matcher read.
    pub(crate) fn prepare(&self, original: &str) -> Prepared {
        let norm = Normalized::new(original, self);
        let (tokens, ids) = self.matcher.tokens_and_ids(&norm.text);
        Prepared { norm, tokens, ids }
    }

    /// The function words' votes, by the numbers `prepare` gives tokens.
    #[cfg(test)]
    pub(crate) fn votes(&self) -> &language::Votes {
        &self.votes
    }

    /// Analyses one posting: signals, level, findings. Only the first
    /// [`MAX_DESCRIPTION_BYTES`] of the description and [`MAX_TITLE_BYTES`] of the title are
    /// read (see [`is_truncated`]), so the time per posting is bounded.
    pub fn analyze(&self, posting: &Posting) -> Analysis {
        self.analyze_marked(posting, |_| {})
    }

    /// `analyze`, calling `mark` as each stage ends: `rung bench` times the stages so.
    pub fn analyze_marked(&self, posting: &Posting, mut mark: impl FnMut(Stage)) -> Analysis {
        let title = analysed_part(&posting.title, MAX_TITLE_BYTES);
        let description = analysed_part(&posting.description, MAX_DESCRIPTION_BYTES);
        // Each text is normalised and tokenized once: language detection reads the
        // description's tokens, and the matcher reads them again.
        let title_text = self.prepare(title);
        let description_text = self.prepare(description);
        mark(Stage::Normalised);
        let lang = match &posting.lang {
            Some(forced) => language::normalize(forced),
            None => language::detect(title, description, &description_text, &self.votes),
        };
        mark(Stage::Language);
        let at = posting.title_at;
        let title_doc = self.doc(Field::Title, title, title_text, at, &lang, &[], &mut mark);
        let parts: Vec<(usize, Section)> = posting
            .parts
            .iter()
            .map(|p| (p.range.start, self.part_section(&p.name, &lang)))
            .collect();
        let (field, at) = (Field::Description, posting.description_at);
        let doc = self.doc(
            field,
            description,
            description_text,
            at,
            &lang,
            &parts,
            &mut mark,
        );
        let mut experience = signals::experience::extract(&self.years, &doc);
        self.drop_phrases_of_excluded_figures(&doc, &mut experience);
        mark(Stage::Experience);
        let (title_level, title_spans) = signals::title::title_level(&title_doc);
        let degree = signals::degree::extract(&doc, &experience);
        let leadership = signals::leadership::extract(&doc);
        let autonomy = signals::autonomy::extract(&doc);
        let mut analysis = Analysis {
            id: posting.id.clone(),
            title: posting.title.clone(),
            lang: lang.clone(),
            title_level,
            implied_level: None,
            band: None,
            confidence: 0.0,
            experience,
            degree,
            leadership,
            autonomy,
            role_levels: signals::title::named_in_description(&doc),
            declared_level: posting.declared,
            evidence: Vec::new(),
            title_spans,
            findings: Vec::new(),
        };
        scorer::score(&doc, &mut analysis);
        analysis.findings = findings::run(&doc, &analysis);
        if !posting.parts.is_empty() {
            point_into_parts(&mut analysis, &posting.parts, description);
        }
        analysis
    }

    /// A level phrase that continues a years figure ("over 25 years of experience in the
    /// market", "after 5 years of experience with us") belongs to that figure: when the
    /// figure was left out (a company's age, a benefit), the phrase is no requirement either,
    /// and must not vote on its own.
    fn drop_phrases_of_excluded_figures(&self, doc: &Doc, experience: &mut Experience) {
        let mentions = &experience.mentions;
        let text = doc.original;
        experience.phrases.retain(|phrase| {
            let Some(figure) = figure_before(text, phrase.span.start, &self.units, &self.numbers)
            else {
                return true;
            };
            mentions
                .iter()
                .any(|m| m.span.start < phrase.span.start && m.span.end > figure)
        });
    }

    /// The section a column of a posting opens: its well-known name says (company_profile,
    /// benefits, requirements...), else the lexicons' section headings read the name as a
    /// heading ("Nice to have", "Ihr Profil"), else a general section.
    fn part_section(&self, name: &str, lang: &str) -> Section {
        if let Some(section) = crate::input::parts::section_of(name) {
            return section;
        }
        let words = name.replace(|c: char| !c.is_alphanumeric(), " ");
        let norm = Normalized::new(words.trim(), self);
        let hits = self.matcher.find(&norm.text, &["en", lang]);
        let section = self.matcher.group(Category::Context, "section");
        let groups = self.matcher.groups();
        let inside = hits.iter().filter(|h| Some(groups[h.entry]) == section);
        heading_section(&self.lexicon, inside, &norm.text, 0..norm.text.len())
            .unwrap_or(Section::General)
    }
}

/// Where a years figure ("25 years of ", "5+ yrs ", "twenty-five years of ") starts that
/// ends right before `at` in `text`, if one does.
fn figure_before(
    text: &str,
    at: usize,
    units: &HashSet<String>,
    numbers: &HashSet<String>,
) -> Option<usize> {
    let mut from = at.saturating_sub(48);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text[from..at].trim_end();
    let before = before
        .strip_suffix("of")
        .or_else(|| before.strip_suffix("Of"))
        .unwrap_or(before)
        .trim_end();
    let unit_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    if !text::with_lowercase(&before[unit_start..], |unit| units.contains(unit)) {
        return None;
    }
    let number = before[..unit_start].trim_end().trim_end_matches('+');
    let digits = number.len() - number.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 {
        return Some(from + number.len() - digits);
    }
    // A spelled number: its last word ("twenty-five") is one of the grammar's.
    let word_start = number
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &number[word_start..];
    (!word.is_empty() && text::with_lowercase(word, |word| numbers.contains(word)))
        .then_some(from + word_start)
}

/// Spans into a description joined from parts point into their part instead: the field
/// names the column, offsets, line and column count from the part's start.
fn point_into_parts(analysis: &mut Analysis, parts: &[crate::posting::Part], joined: &str) {
    let located: Vec<(Field, Range<usize>, &str, Vec<usize>)> = parts
        .iter()
        .filter_map(|p| {
            let text = joined.get(p.range.clone())?;
            Some((
                Field::column(&p.name),
                p.range.clone(),
                text,
                text::line_starts(text),
            ))
        })
        .collect();
    analysis.for_each_span(|span| {
        if span.field != Field::Description {
            return;
        }
        let Some((field, range, text, starts)) = located
            .iter()
            .find(|(_, r, _, _)| span.start < r.end)
            .or(located.last())
        else {
            return;
        };
        let start = span.start.clamp(range.start, range.end) - range.start;
        let end = span.end.clamp(range.start, range.end) - range.start;
        let (line, column) = text::line_column_in(text, starts, start);
        *span = Span {
            field: *field,
            start,
            end: end.max(start),
            line,
            column,
            text: text
                .get(start..end.max(start))
                .unwrap_or_default()
                .to_string(),
        };
    });
}

impl text::Vocabulary for Analyzer {
    fn is_term(&self, word: &str) -> bool {
        self.terms.contains(word)
    }
    fn is_unit(&self, word: &str) -> bool {
        self.units.contains(word)
    }
}

/// Whether every word of `text[from..to]` lies in a hit that `keep` accepts.
fn covered_before<'h>(
    text: &str,
    from: usize,
    to: usize,
    hits: impl Iterator<Item = &'h Hit>,
    keep: impl Fn(&Hit) -> bool,
) -> bool {
    let spans: Vec<(usize, usize)> = hits
        .filter(|h| keep(h) && h.start >= from && h.end <= to)
        .map(|h| (h.start, h.end))
        .collect();
    let mut pos = from;
    for word in text[from..to].split(|c: char| !c.is_alphanumeric()) {
        let at = pos;
        pos += word.len() + 1;
        if !word.is_empty() && !spans.iter().any(|&(s, e)| s <= at && at + word.len() <= e) {
            return false;
        }
    }
    true
}

/// A heading names a section when known section phrases cover most of it; the longest
/// phrase decides which.
fn heading_section<'h>(
    lexicon: &Lexicon,
    section_hits: impl Iterator<Item = &'h Hit>,
    text: &str,
    range: Range<usize>,
) -> Option<Section> {
    let len = text[range.clone()].trim().chars().count().max(1);
    let phrases: Vec<(&Hit, &Entry)> = section_hits
        .filter(|h| h.start >= range.start && h.end <= range.end)
        .map(|h| (h, &lexicon.entries[h.entry]))
        .collect();
    let covered: usize = phrases
        .iter()
        .map(|(h, _)| text[h.start..h.end].chars().count())
        .sum();
    if covered * 2 < len {
        return None;
    }
    phrases
        .iter()
        .max_by_key(|(h, _)| h.end - h.start)
        .map(|(_, e)| match e.value.as_str() {
            "required" => Section::Required,
            "preferred" => Section::Preferred,
            "duties" => Section::Duties,
            _ => Section::Other,
        })
}
