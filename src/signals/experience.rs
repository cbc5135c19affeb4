//! Experience: years requirements (the years grammar) and experience-level phrases.
//!
//! The grammar is assembled from the experience lexicon's word lists (number words, units,
//! "at least" markers, "or more" markers), so a new language adds words, not code.

use std::collections::HashMap;
use std::ops::Range;

use regex::{Captures, Regex};

use crate::doc::Doc;
use crate::level::Level;
use crate::lexicon::{Category, Lexicon};
use crate::posting::{Experience, LevelPhrase, Requirement, Scope, YearsMention};
use crate::text::Section;
use crate::token::{Token, Vocabulary};

use super::figure_starts::FigureStarts;

/// Figures from this many years up are read as company history, not requirements.
const MAX_REQUIRED_YEARS: f64 = 20.0;

/// The compiled years-of-experience grammar.
pub struct YearsGrammar {
    regex: Regex,
    /// Where matches can start, found from where they can end, so that the grammar need
    /// not read every byte of a text (`None`: it does).
    starts: Option<FigureStarts>,
    numbers: HashMap<String, f64>,
    units: HashMap<String, f64>,
    /// Phrases right before a figure that make it no requirement ("in the past", "after").
    not_before: Vec<String>,
    /// Phrases right after a figure that make it no requirement ("ago", "of age", "contract").
    not_after: Vec<String>,
    /// Words that, between the unit and "experience", keep a figure about experience overall.
    general: Vec<String>,
    /// Experience nouns of other languages that may follow a hyphenated figure
    /// ("3-jährige Berufserfahrung"), as "experience" does in English.
    nouns: Vec<String>,
    /// `(language, word)`: words joining figures that are alternatives ("or", "oder").
    alternatives: Vec<(String, String)>,
}

fn alternation<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut words: Vec<&str> = words.collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.dedup();
    words
        .iter()
        // The grammar is written in verbose mode, where a plain space would be ignored.
        .map(|w| regex::escape(w).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

impl YearsGrammar {
    pub fn new(lexicon: &Lexicon) -> Result<YearsGrammar, String> {
        let words = |signal: &'static str| {
            lexicon
                .select(Category::Experience, signal)
                .map(|e| e.pattern.as_str().to_string())
                .collect::<Vec<_>>()
        };
        let numbers: HashMap<String, f64> = lexicon
            .select(Category::Experience, "number")
            .map(|e| (e.pattern.as_str().to_string(), e.number()))
            .collect();
        let units: HashMap<String, f64> = lexicon
            .select(Category::Experience, "unit")
            .map(|e| (e.pattern.as_str().to_string(), e.number()))
            .collect();
        if units.is_empty() {
            return Err("the experience lexicon defines no year units".into());
        }
        let range = |position: &str| {
            lexicon
                .select(Category::Experience, "range-marker")
                .filter(|e| e.value == position)
                .map(|e| e.pattern.as_str().to_string())
                .collect::<Vec<_>>()
        };
        let between = alternation(range("between").iter().map(String::as_str));
        let to = alternation(range("to").iter().map(String::as_str));
        let min_markers = words("min-marker");
        let max_markers = words("max-marker");
        let plus_markers = words("plus-marker");
        let num = format!(
            r"(?:\d{{1,2}}(?:[.,]\d)?|{})(?:\s*\(\s*\d{{1,2}}\s*\))?",
            alternation(numbers.keys().map(String::as_str))
        );
        let min = alternation(min_markers.iter().map(String::as_str));
        let max = alternation(max_markers.iter().map(String::as_str));
        let plus = alternation(plus_markers.iter().map(String::as_str));
        let unit = alternation(units.keys().map(String::as_str));
        // Every match is one of `core`, which ends with the unit, and optional parts after.
        let core = format!(
            r"(?x-u)
            (?:(?P<lt><)\s*)?
            (?-u:\b)
            (?:(?P<min>{min})\s+|(?P<max>{max})\s+)?
            (?:(?:{between})\s+)?
            (?P<a>{num}|(?P<one>an?))\s*(?P<plus1>\+|{plus})?
            (?:(?:\s*(?P<unit0>{unit})(?-u:\b))?\s*(?:-|/|(?:{to})\s)\s*(?P<b>{num})\s*(?P<plus2>\+)?)?
            \s*(?:-\s*)?(?P<unit>{unit})(?-u:\b)"
        );
        let source = format!(
            r"{core}(?:'s?|s')?
            (?:\s*(?P<plus3>\+|{plus})(?-u:\b)?)?"
        );
        let regex = regex::RegexBuilder::new(&source)
            .size_limit(1 << 24)
            .build()
            .map_err(|e| format!("years grammar: {e}"))?;
        let veto = |position: &str| {
            lexicon
                .select(Category::Experience, "not-requirement")
                .filter(|e| e.value == position)
                .map(|e| e.pattern.as_str().to_string())
                .collect::<Vec<_>>()
        };
        Ok(YearsGrammar {
            regex,
            starts: FigureStarts::new(&core, units.keys().map(String::as_str)),
            numbers,
            units,
            not_before: veto("before"),
            not_after: veto("after"),
            general: words("keyword"),
            nouns: lexicon
                .select(Category::Experience, "keyword")
                .filter(|e| e.lang != "en")
                .map(|e| e.pattern.as_str().to_string())
                .collect(),
            alternatives: lexicon
                .select(Category::Experience, "alternative")
                .map(|e| (e.lang.clone(), e.pattern.as_str().to_string()))
                .collect(),
        })
    }

    fn number(&self, s: &str) -> Option<f64> {
        let head = s.split('(').next().unwrap_or(s).trim();
        head.replace(',', ".")
            .parse()
            .ok()
            .or_else(|| self.numbers.get(head).copied())
    }

    /// Tells the grammar the vocabulary whose numbers the tokens given to it carry.
    pub(crate) fn learn_vocabulary(&mut self, vocabulary: &Vocabulary) {
        if let Some(starts) = &mut self.starts {
            starts.learn_vocabulary(vocabulary);
        }
    }

    /// Every years figure in `text` (whose tokens are `tokens`, numbered `ids` in the
    /// vocabulary of `learn_vocabulary`), before context checks.
    fn figures<'t>(
        &'t self,
        text: &'t str,
        tokens: &[Token],
        ids: &[u32],
    ) -> impl Iterator<Item = Figure> + 't {
        let mut ends = self.starts.as_ref().map(|s| (s, s.ends(text, tokens, ids)));
        self.figures_from(text, move |at| match &mut ends {
            Some((starts, ends)) => starts.next_start(text, ends, at),
            None => self.scanned_start(text, at),
        })
    }

    /// Where the first match at or after `at` starts, by a scan of the text.
    fn scanned_start(&self, text: &str, at: usize) -> Option<usize> {
        self.regex.find_at(text, at).map(|m| m.start())
    }

    /// `figures`, given where the first match at or after an offset starts (or a place
    /// before it and not before the offset), `None` when none does.
    fn figures_from<'t>(
        &'t self,
        text: &'t str,
        mut next_start: impl FnMut(usize) -> Option<usize> + 't,
    ) -> impl Iterator<Item = Figure> + 't {
        let mut at = 0;
        std::iter::from_fn(move || {
            // Where the match starts is found first and its groups read after: a search for
            // groups carries them through the whole scan, a fifth slower.
            while let Some(start) = next_start(at) {
                // From where the match starts, or from before it: the search finds it.
                let c = self.regex.captures_at(text, start.max(at))?;
                let whole = c.get(0)?;
                if let Some(figure) = self.figure(text, &c) {
                    at = whole.end();
                    return Some(figure);
                }
                // An article taken for a figure may have swallowed a real one: "MBA a plus\n-
                // 10+ years" reads as the range "a plus - 10". Look again after the article.
                at = match c.name("one") {
                    Some(one) => one.end(),
                    None => whole.end(),
                };
            }
            None
        })
    }

    fn figure(&self, text: &str, c: &Captures) -> Option<Figure> {
        let whole = c.get(0)?;
        let unit = *self.units.get(c.name("unit")?.as_str())?;
        let round = |n: f64| (n * 100.0).round() / 100.0;
        // "at least a year's experience": "a" is a figure only after "at least", "over"...
        let a = match c.name("one") {
            Some(_) if c.name("min").is_none() && c.name("max").is_none() => return None,
            Some(_) => 1.0,
            None => self.number(c.name("a")?.as_str())?,
        };
        // "6 months to 2 years": the first figure has its own unit.
        let first_unit = match c.name("unit0") {
            Some(u) => *self.units.get(u.as_str())?,
            None => unit,
        };
        let mut a = round(a * first_unit);
        let mut b = c
            .name("b")
            .and_then(|m| self.number(m.as_str()))
            .map(|n| round(n * unit));
        if (c.name("max").is_some() || c.name("lt").is_some()) && b.is_none() {
            // "up to 5 years": anyone from none to five years qualifies.
            (a, b) = (0.0, Some(a));
        }
        let plus =
            c.name("plus1").is_some() || c.name("plus2").is_some() || c.name("plus3").is_some();
        // "4-year degree", "2-year contract": a hyphenated figure describes a noun, unless
        // experience follows or "at least" says it is a requirement ("minimum of 1-year
        // customer service experience"; vetoes still catch "minimum 4-year degree").
        let hyphenated = text[c.name("a")?.end()..c.name("unit")?.start()].trim() == "-"
            && c.name("min").is_none()
            && !self.followed_by_keyword(text, whole.end());
        // Twenty years and more is how companies state their age ("over 20 years of
        // experience in the market"), not what they ask of a candidate.
        if hyphenated || a >= MAX_REQUIRED_YEARS || b.is_some_and(|b| b < a || b > 50.0) {
            return None;
        }
        Some(Figure {
            range: whole.start()..whole.end(),
            min: a,
            max: if plus { None } else { b },
        })
    }

    fn followed_by_keyword(&self, text: &str, end: usize) -> bool {
        let after = text[end..].trim_start();
        after.starts_with("experience")
            || after.starts_with("exp")
            || self.nouns.iter().any(|n| after.starts_with(n.as_str()))
    }

    fn vetoed(&self, text: &str, range: &Range<usize>) -> bool {
        let before = text[..range.start].trim_end();
        let after = text[range.end..].trim_start();
        let ends_word = |s: &str, w: &str| {
            s.ends_with(w)
                && s[..s.len() - w.len()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
        };
        let starts_word = |s: &str, w: &str| {
            s.starts_with(w)
                && s[w.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        };
        self.not_before.iter().any(|w| ends_word(before, w))
            || self.not_after.iter().any(|w| starts_word(after, w))
    }

    /// Overall experience unless a skill or domain sits between the figure and "experience".
    fn scope(&self, text: &str, end: usize, segment_end: usize) -> Scope {
        // A figure may run past the end of its sentence ("3 years. of"): nothing follows then.
        let rest = text.get(end..segment_end).unwrap_or("");
        let Some(at) = rest.find("experience") else {
            return Scope::Skill;
        };
        let overall = rest[..at]
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .all(|w| matches!(w, "of" | "in" | "the") || self.general.iter().any(|g| g == w));
        if overall {
            Scope::Overall
        } else {
            Scope::Skill
        }
    }
}

struct Figure {
    range: Range<usize>,
    min: f64,
    max: Option<f64>,
}

/// A mention before its span is resolved against the original text.
struct Draft {
    min: f64,
    max: Option<f64>,
    requirement: Requirement,
    scope: Scope,
    group: usize,
    range: Range<usize>,
    /// The figure belongs to one degree path of several and another path asks for no years
    /// ("PhD, or MSc with 5+ years"): its group can be met with none.
    other_path_needs_none: bool,
}

/// Reads the experience requirements of a description.
pub fn extract(grammar: &YearsGrammar, doc: &Doc) -> Experience {
    let text = &doc.norm.text;
    let figures: Vec<Figure> = grammar
        .figures(text, &doc.tokens, &doc.ids)
        .filter(|f| !grammar.vetoed(text, &f.range))
        .filter(|f| about_experience(doc, f))
        .collect();
    let ranges: Vec<Range<usize>> = figures.iter().map(|f| f.range.clone()).collect();
    let mut drafts: Vec<Draft> = Vec::new();
    for figure in &figures {
        let segment_end = doc
            .segment_at(figure.range.start)
            .map_or(text.len(), |s| s.range.end);
        let group = match drafts.last() {
            Some(prev) if alternatives(grammar, doc, &prev.range, &figure.range) => prev.group,
            Some(prev) => prev.group + 1,
            None => 0,
        };
        drafts.push(Draft {
            min: figure.min,
            max: figure.max,
            requirement: doc.requirement(figure.range.clone(), &ranges),
            scope: grammar.scope(text, figure.range.end, segment_end),
            group,
            range: figure.range.clone(),
            other_path_needs_none: degree_path_without_years(doc, &figure.range),
        });
    }
    for (hit, entry) in doc.hits_of(Category::Experience, "years") {
        if doc.outside_requirements(hit.start) {
            continue;
        }
        let group = drafts.iter().map(|d| d.group + 1).max().unwrap_or(0);
        drafts.push(Draft {
            min: entry.number(),
            max: None,
            requirement: Requirement::Required,
            scope: Scope::Overall,
            group,
            range: hit.start..hit.end,
            other_path_needs_none: false,
        });
    }
    let mut experience = summarise(&drafts);
    experience.mentions = drafts
        .into_iter()
        .map(|d| YearsMention {
            min: d.min,
            max: d.max,
            requirement: d.requirement,
            scope: d.scope,
            group: d.group,
            span: doc.span(d.range),
        })
        .collect();
    experience.phrases = doc
        .hits_of(Category::Experience, "level")
        .filter_map(|(h, e)| Some((h, Level::parse(&e.value)?)))
        // "An entry level position" may stand under "What we offer"; "our seasoned experts"
        // under "About us" says nothing of the role.
        .filter(|(h, level)| {
            !matches!(level, Level::Associate | Level::MidSenior)
                || !doc.outside_requirements(h.start)
        })
        .map(|(h, level)| LevelPhrase {
            level,
            span: doc.span(h.start..h.end),
        })
        .collect();
    experience
}

/// A figure counts when its sentence is about experience, and not about the company.
fn about_experience(doc: &Doc, figure: &Figure) -> bool {
    let Some(segment) = doc.segment_at(figure.range.start) else {
        return false;
    };
    if segment.section == Section::Other {
        return false;
    }
    // A figure broken over lines ("Minimaal \n3 jaar relevante ervaring") reads on into the
    // sentence where it ends.
    let end = doc
        .segment_at(figure.range.end.saturating_sub(1))
        .map_or(segment.range.end, |s| s.range.end.max(segment.range.end));
    let group = doc.group(Category::Experience, "keyword");
    doc.hits_within(segment.range.start..end)
        .iter()
        .any(|h| Some(doc.group_of(h)) == group && h.end <= end)
}

/// "PhD, or MSc with 5+ years", "Ph.D. (or MS with 4+ years of experience)": the figure
/// hangs on the second of two degrees set apart as alternatives, so the first degree is a
/// path that needs no years at all.
fn degree_path_without_years(doc: &Doc, figure: &Range<usize>) -> bool {
    let Some(segment) = doc.segment_at(figure.start) else {
        return false;
    };
    let text = &doc.norm.text;
    let degrees: Vec<Range<usize>> = doc
        .hits_within(segment.range.start..figure.start)
        .iter()
        .filter(|h| {
            let e = doc.entry(h);
            e.category == Category::Degree
                && !e.is_claim()
                && (e.signal == "degree"
                    || e.signal == "abbreviation"
                        && super::degree::abbreviation_is_degree(doc, h.start, h.end))
        })
        .map(|h| h.start..h.end)
        .collect();
    let [.., first, second] = degrees.as_slice() else {
        return false;
    };
    // Overlapping hits ("master" inside "master's degree") are one degree, not two.
    let (Some(joint), Some(tail)) = (
        text.get(first.end..second.start),
        text.get(second.end..figure.start),
    ) else {
        return false;
    };
    let set_apart = matches!(joint.trim(), ", or" | ",or" | "(or" | "( or" | "; or");
    // The figure is the first after the second degree, and hangs on it.
    let attached = !tail.contains(|c: char| c.is_ascii_digit())
        && tail
            .split_whitespace()
            .take(4)
            .any(|w| matches!(w, "with" | "plus" | "+" | "and"));
    set_apart && attached
}

/// Two figures in one sentence joined by "or" (in English or the posting's language) are
/// alternatives: either suffices.
fn alternatives(
    grammar: &YearsGrammar,
    doc: &Doc,
    first: &Range<usize>,
    second: &Range<usize>,
) -> bool {
    let same = match (doc.segment_at(first.start), doc.segment_at(second.start)) {
        (Some(a), Some(b)) => a.range == b.range,
        _ => false,
    };
    same && doc.norm.text[first.end..second.start]
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| {
            // English words count in every posting, as English phrases do.
            grammar
                .alternatives
                .iter()
                .any(|(lang, word)| (lang == doc.lang || lang == "en") && word == w)
        })
}

/// min_years: every required group must be met, and within a group the easiest path counts
/// (none at all when another degree path asks for no years).
fn summarise(drafts: &[Draft]) -> Experience {
    let mut experience = Experience::default();
    // Per group: (group, min, max) of its easiest path.
    let mut groups: Vec<(usize, f64, Option<f64>)> = Vec::new();
    for d in drafts
        .iter()
        .filter(|d| d.requirement == Requirement::Required)
    {
        let (min, max) = if d.other_path_needs_none {
            (0.0, None)
        } else {
            (d.min, d.max)
        };
        match groups.iter_mut().find(|(g, _, _)| *g == d.group) {
            Some(best) if min < best.1 => *best = (d.group, min, max),
            Some(_) => {}
            None => groups.push((d.group, min, max)),
        }
    }
    if let Some((_, min, max)) = groups
        .iter()
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
    {
        experience.min_years = Some(*min);
        experience.max_years = *max;
    }
    experience.preferred_years = drafts
        .iter()
        .filter(|d| d.requirement == Requirement::Preferred)
        .map(|d| d.min)
        .max_by(f64::total_cmp);
    experience
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    /// Matches found from where units end are the matches a scan of the whole text finds:
    /// on awkward cases, every posting rung ships and, where the project's shared data sits
    /// beside the repository, all of it.
    #[test]
    fn figures_found_from_unit_ends_are_the_scans() {
        let lexicon = Lexicon::embedded().unwrap();
        let analyzer = crate::Analyzer::new(lexicon.clone()).unwrap();
        let grammar = &analyzer.years;
        assert!(grammar.starts.is_some());
        let mut texts: Vec<String> = [
            "5years of sql, fiveyears, 5plusyears, 3 yrs.",
            "years 2 years",
            "at least a year; an year; mba a plus\n- 10+ years",
            "6 months to 2 years, 3-5 years, 3 to 5 years, between 2 and 4 years",
            "mindestens 3 jahr(e)berufserfahrung, 3-jährige berufserfahrung",
            "5 añosé, 2 años, 1 an, 3 ans, co najmniej 3 letnie doświadczenie",
            "twenty (20) years; 10 + years; 7 years' experience; 4 years+",
            "a",
            "",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        for row in crate::every_jsonl_row() {
            texts.extend(row["description"].as_str().map(str::to_string));
        }
        assert!(texts.len() > 200, "{}", texts.len());
        let mut found = 0;
        for original in &texts {
            let prepared = analyzer.prepare(original);
            let text = &prepared.norm.text;
            let ranges = |figures: &mut dyn Iterator<Item = Figure>| {
                figures.map(|f| (f.range, f.min, f.max)).collect::<Vec<_>>()
            };
            let want =
                ranges(&mut grammar.figures_from(text, |at| grammar.scanned_start(text, at)));
            let got = ranges(&mut grammar.figures(text, &prepared.tokens, &prepared.ids));
            assert_eq!(got, want, "{text}");
            found += got.len();
        }
        assert!(found > 40, "{found}");
    }
}
