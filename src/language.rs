//! Which language a posting is written in, so that it is read with that language's lexicons
//! (plus English, which job ads everywhere mix in: "Senior", "Bachelor", requirement lists).
//!
//! Detection uses `whatlang` (trigram statistics, no model files, tens of microseconds per
//! posting on 1.5 KB taken from its start, middle and end). Languages rung ships lexicons for
//! are reported by their two-letter ISO 639-1 code; any other language by whatlang's
//! three-letter ISO 639-3 code, and it is read with the English lexicons only.

use std::sync::LazyLock;

use whatlang::{Detector, Lang};

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
pub fn detect(title: &str, description: &str) -> String {
    let joined;
    let sample = if description.trim().is_empty() {
        title
    } else {
        joined = spread_sample(description);
        joined.as_str()
    };
    let Some(info) = DETECTOR.detect(sample) else {
        return "en".into();
    };
    // On a few words trigram statistics guess wildly; English is the safe default there.
    if sample.len() < 40 && !info.is_reliable() {
        return "en".into();
    }
    code(info.lang())
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
fn spread_sample(description: &str) -> String {
    let part = SAMPLE_BYTES / 3;
    if description.len() <= SAMPLE_BYTES {
        return description.to_string();
    }
    [0, description.len() / 2, description.len() - part]
        .iter()
        .map(|&at| {
            let start = floor_boundary(description, at);
            &description[start..floor_boundary(description, start + part)]
        })
        .collect::<Vec<_>>()
        .join(" ")
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

    #[test]
    fn short_or_empty_text_is_english() {
        assert_eq!(detect("", ""), "en");
        assert_eq!(detect("Data", ""), "en");
    }
}
