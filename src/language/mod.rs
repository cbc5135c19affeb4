//! Which language a posting is written in, so that it is read with that language's lexicons
//! (plus English, which job ads everywhere mix in: "Senior", "Bachelor", requirement lists).
//!
//! Most postings are told by their function words alone ([`function_words`], under ten
//! microseconds); the rest by `whatlang` (trigram statistics, no model files, about a hundred
//! microseconds per posting on 1.5 KB taken from its start, middle and end). Languages rung
//! ships lexicons for are reported by their two-letter ISO 639-1 code; any other language by
//! whatlang's three-letter ISO 639-3 code, and it is read with the English lexicons only.

mod function_words;

use std::ops::Range;
use std::sync::LazyLock;

use whatlang::{Detector, Lang};

pub(crate) use function_words::{words as function_words, Votes};

use crate::text::Prepared;

/// The languages rung ships lexicons for, as ISO 639-1 codes.
pub const SUPPORTED: &[&str] = &["en", "de", "nl", "fr", "es", "it", "pl", "pt"];

/// The languages detection chooses among: rung's own, and the other languages of European
/// and common job ads, so that those are still told apart (and read with English lexicons
/// only). Comparing against a short list instead of all 69 of whatlang's languages is what
/// keeps detection cheap.
const CANDIDATES: &[Lang] = &[
    Lang::Eng,
    Lang::Deu,
    Lang::Nld,
    Lang::Fra,
    Lang::Spa,
    Lang::Ita,
    Lang::Pol,
    Lang::Por,
    Lang::Dan,
    Lang::Swe,
    Lang::Nob,
    Lang::Fin,
    Lang::Ron,
    Lang::Ces,
    Lang::Slk,
    Lang::Hun,
    Lang::Tur,
    Lang::Hrv,
    Lang::Slv,
    Lang::Lit,
    Lang::Lav,
    Lang::Est,
    Lang::Cat,
    Lang::Ell,
    Lang::Rus,
    Lang::Ukr,
    Lang::Bul,
    Lang::Ara,
    Lang::Heb,
    Lang::Cmn,
    Lang::Jpn,
    Lang::Kor,
    Lang::Hin,
];

static DETECTOR: LazyLock<Detector> =
    LazyLock::new(|| Detector::with_allowlist(CANDIDATES.to_vec()));

/// How much of a description detection reads, in three stretches: enough for a stable
/// answer, cheap on long ads.
const SAMPLE_BYTES: usize = 1500;

/// The language of a posting; `en` when the text is too short or unclear to tell.
/// `prepared` is the description as the matcher reads it next, `votes` the function words'
/// votes by the numbers of its tokens.
pub fn detect(title: &str, description: &str, prepared: &Prepared, votes: &Votes) -> String {
    if description.trim().is_empty() {
        return by_trigrams(title);
    }
    if let Some(lang) = by_function_words(description, prepared, votes) {
        return lang.to_string();
    }
    by_trigrams(&stretches(description).join(" "))
}

/// The function words' opinion on a description long enough to trust it, read in its
/// three stretches.
fn by_function_words(
    description: &str,
    prepared: &Prepared,
    votes: &Votes,
) -> Option<&'static str> {
    if description.len() < QUICK_MIN_BYTES {
        return None;
    }
    let norm = &prepared.norm;
    let offset = |s: &str| s.as_ptr() as usize - description.as_ptr() as usize;
    let ranges: Vec<Range<usize>> = stretches(description)
        .iter()
        .map(|s| norm.normalized_offset(offset(s))..norm.normalized_offset(offset(s) + s.len()))
        .collect();
    function_words::guess(prepared, votes, &ranges)
}

/// The shortest description whose function words are trusted alone: on a few lines a
/// handful of shared words could tip the count.
const QUICK_MIN_BYTES: usize = 300;

fn by_trigrams(sample: &str) -> String {
    let Some(info) = DETECTOR.detect(sample) else {
        return "en".into();
    };
    // On a few words trigram statistics guess wildly; English is the safe default there.
    if sample.len() < 40 && !info.is_reliable() {
        return "en".into();
    }
    code(info.lang())
}

/// The codes a posting can be read in without `--lang`: rung's own languages and the others
/// detection tells apart (ISO 639-3: `dan`, `swe`...). A lexicon folder named otherwise
/// never meets a posting.
pub fn known_codes() -> Vec<String> {
    CANDIDATES.iter().map(|&lang| code(lang)).collect()
}

/// The known code an unknown one most likely means: `EN` or `eng` or `english` is `en`.
pub fn suggest(unknown: &str) -> Option<String> {
    let lower = unknown.trim().to_ascii_lowercase();
    let known = known_codes();
    if known.contains(&lower) {
        return Some(lower);
    }
    if let Some(lang) = Lang::from_code(&lower).filter(|l| CANDIDATES.contains(l)) {
        return Some(code(lang));
    }
    let two_letter = known.iter().filter(|k| k.len() == 2);
    two_letter
        .clone()
        .find(|k| lower.starts_with(k.as_str()))
        .cloned()
}

/// Two-letter code for the languages rung supports, else the ISO 639-3 code.
fn code(lang: Lang) -> String {
    match lang {
        Lang::Eng => "en",
        Lang::Deu => "de",
        Lang::Nld => "nl",
        Lang::Fra => "fr",
        Lang::Spa => "es",
        Lang::Ita => "it",
        Lang::Pol => "pl",
        Lang::Por => "pt",
        other => other.code(),
    }
    .to_string()
}

/// A forced language (`--lang`, a JSON `lang` field) in the canonical lower-case form.
pub fn normalize(code: &str) -> String {
    code.trim().to_ascii_lowercase()
}

/// Three stretches of the description, from its start, middle and end: mixed postings often
/// open with an English company blurb and state their requirements in the local language.
/// A description up to [`SAMPLE_BYTES`] long is one stretch, whole.
fn stretches(description: &str) -> Vec<&str> {
    let part = SAMPLE_BYTES / 3;
    if description.len() <= SAMPLE_BYTES {
        return vec![description];
    }
    [0, description.len() / 2, description.len() - part]
        .iter()
        .map(|&at| {
            let start = floor_boundary(description, at);
            &description[start..floor_boundary(description, start + part)]
        })
        .collect()
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `detect`, the description prepared as the analyzer prepares it.
    fn detect(title: &str, description: &str) -> String {
        super::detect(title, description, &prepared(description), ANALYZER.votes())
    }

    static ANALYZER: LazyLock<crate::Analyzer> =
        LazyLock::new(|| crate::Analyzer::with_defaults().unwrap());

    fn prepared(description: &str) -> Prepared {
        ANALYZER.prepare(description)
    }

    #[test]
    fn mistyped_codes_get_a_suggestion() {
        assert_eq!(suggest("eng").as_deref(), Some("en"));
        assert_eq!(suggest("DE").as_deref(), Some("de"));
        assert_eq!(suggest("english").as_deref(), Some("en"));
        assert_eq!(suggest("xx"), None);
        assert!(known_codes().contains(&"dan".to_string()));
    }

    #[test]
    fn detects_the_shipped_languages() {
        let cases = [
            ("en", "We are looking for an engineer with three years of experience in data pipelines and a degree in computer science."),
            ("de", "Wir suchen eine engagierte Entwicklerin mit mindestens drei Jahren Berufserfahrung und einem abgeschlossenen Studium der Informatik."),
            ("nl", "Wij zoeken een ervaren ontwikkelaar met minimaal drie jaar werkervaring en een afgeronde hbo-opleiding in de informatica."),
            ("fr", "Nous recherchons un développeur ayant au moins trois ans d'expérience et un diplôme d'ingénieur ou un master en informatique."),
            ("es", "Buscamos una persona desarrolladora con al menos tres años de experiencia y un grado universitario en ingeniería informática."),
            ("it", "Cerchiamo uno sviluppatore con almeno tre anni di esperienza nel ruolo e una laurea magistrale in ingegneria informatica."),
            ("pl", "Poszukujemy programisty z co najmniej trzyletnim doświadczeniem zawodowym oraz wykształceniem wyższym technicznym."),
            ("pt", "Procuramos um desenvolvedor com pelo menos três anos de experiência e graduação completa em ciência da computação."),
        ];
        for (want, text) in cases {
            assert_eq!(detect("", text), want, "{text}");
        }
    }

    /// The function-word shortcut answers as whatlang would, on every posting it answers
    /// for: the shipped sample always, and the development set where it is present.
    #[test]
    fn function_words_agree_with_trigrams() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let files = [
            root.join("corpora/linkedin-muabdalaleam-sample.jsonl"),
            root.join("../shared/data/dev.jsonl"),
        ];
        let (mut answered, mut total) = (0, 0);
        for file in files.iter().filter(|f| f.exists()) {
            for line in std::fs::read_to_string(file).unwrap().lines() {
                let row: serde_json::Value = serde_json::from_str(line).unwrap();
                let description = row["description"].as_str().unwrap_or("");
                total += 1;
                if let Some(quick) =
                    by_function_words(description, &prepared(description), ANALYZER.votes())
                {
                    answered += 1;
                    let slow = by_trigrams(&stretches(description).join(" "));
                    assert_eq!(quick, slow, "{}: {}", file.display(), row["id"]);
                }
            }
        }
        // Most postings are answered so: the shortcut is worth its keep.
        assert!(answered * 4 > total * 3, "answered {answered} of {total}");
    }

    #[test]
    fn short_or_empty_text_is_english() {
        assert_eq!(detect("", ""), "en");
        assert_eq!(detect("Data", ""), "en");
    }
}
