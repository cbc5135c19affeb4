//! Properties over generated postings and bytes (issue #6), the stable counterpart of the
//! `fuzz/` targets: nothing panics, every span is a verbatim slice on character boundaries,
//! and results depend on nothing but the posting (not repetition, threads or neighbours).
//! `PROPTEST_CASES=20000 cargo test --release --test properties` runs longer by hand.

mod common;

use std::sync::LazyLock;

use proptest::prelude::*;
use rung::input::{read_postings, InputFormat, ReadOptions};
use rung::text::{Normalized, Vocabulary};
use rung::{Analyzer, Posting};
use serde_json::Value;

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(|| Analyzer::with_defaults().unwrap());

/// Words the grammars react to, and characters that stress the offset map (case changes
/// that change length, entities, bullets, combining marks, CR LF).
const TOKENS: &[&str] = &[
    "5+ years",
    "of experience",
    "3-5 years",
    "five (5) years",
    "18 months",
    "at least",
    "minimum of",
    "Bachelor's degree",
    "Master\u{2019}s",
    "PhD",
    "or equivalent experience",
    "preferred",
    "is a plus",
    "Requirements:",
    "Nice to have:",
    "Senior",
    "Junior",
    "Lead",
    "(Senior)",
    "Engineer II",
    "Director",
    "VP",
    "manage a team",
    "mentor",
    "budget",
    "strategy",
    "independently",
    "under supervision",
    "intern",
    "student",
    "Kubernetes",
    "10+ years of Kubernetes",
    "&amp;",
    "&#x2013;",
    "&#99999999;",
    "&bogus;",
    "\u{2022}",
    "\u{2013}",
    "\r\n",
    "\n",
    "\n\n",
    " ",
    ". ",
    "; ",
    "\u{130}",
    "\u{1E9E}",
    "\u{FB01}",
    "\u{3A3}",
    "e\u{301}",
    "\u{feff}",
    "\u{200b}",
    "\u{0}",
    "\t",
    "scale4+ years",
    "experienceStrong",
    "B.S.",
    "e.g.",
    "#",
    "* ",
    "- ",
];

fn posting_text() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        3 => proptest::sample::select(TOKENS).prop_map(str::to_string),
        1 => "[a-zA-Z0-9 ,.:;()+/-]{1,12}",
        1 => any::<String>().prop_map(|s| s.chars().take(6).collect()),
    ];
    proptest::collection::vec(token, 0..40).prop_map(|parts| parts.join(" "))
}

/// Every object in the analysis that looks like a span, as (field, start, end, text).
fn spans(value: &Value, out: &mut Vec<(String, usize, usize, String)>) {
    match value {
        Value::Object(map) => {
            if let (Some(Value::String(field)), Some(start), Some(end), Some(Value::String(text))) = (
                map.get("field"),
                map.get("start").and_then(Value::as_u64),
                map.get("end").and_then(Value::as_u64),
                map.get("text"),
            ) {
                out.push((field.clone(), start as usize, end as usize, text.clone()));
            }
            map.values().for_each(|v| spans(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| spans(v, out)),
        _ => {}
    }
}

fn check_spans(posting: &Posting) -> Result<Value, TestCaseError> {
    let analysis = ANALYZER.analyze(posting);
    let json = serde_json::to_value(&analysis).unwrap();
    let mut found = Vec::new();
    spans(&json, &mut found);
    for (field, start, end, text) in found {
        let original = match field.as_str() {
            "title" => &posting.title,
            "description" => &posting.description,
            other => return Err(TestCaseError::fail(format!("unknown field {other}"))),
        };
        prop_assert!(
            start <= end && end <= original.len(),
            "{start}..{end} of {}",
            original.len()
        );
        prop_assert!(original.is_char_boundary(start) && original.is_char_boundary(end));
        prop_assert_eq!(&original[start..end], text.as_str());
    }
    Ok(json)
}

struct NoWords;
impl Vocabulary for NoWords {
    fn is_term(&self, _: &str) -> bool {
        false
    }
    fn is_unit(&self, word: &str) -> bool {
        word == "years"
    }
}

proptest! {
    #[test]
    fn spans_are_verbatim_slices(title in posting_text(), description in posting_text()) {
        check_spans(&Posting::new("p", title, description))?;
    }

    #[test]
    fn analysing_twice_gives_the_same_result(title in posting_text(), description in posting_text()) {
        let posting = Posting::new("p", title, description);
        let first = check_spans(&posting)?;
        prop_assert_eq!(first, serde_json::to_value(ANALYZER.analyze(&posting)).unwrap());
    }

    #[test]
    fn normalised_ranges_map_to_character_boundaries(text in posting_text()) {
        let norm = Normalized::new(&text, &NoWords);
        let ends: Vec<usize> = norm.text.char_indices().map(|(i, _)| i).chain([norm.text.len()]).collect();
        for (i, &a) in ends.iter().enumerate() {
            for &b in ends.iter().skip(i).take(8) {
                let r = norm.original_range(a..b);
                prop_assert!(r.start <= r.end && r.end <= text.len());
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            }
        }
    }

    #[test]
    fn readers_never_panic_and_every_posting_analyses(
        bytes in prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..400),
            "[a-z0-9,;|\t\"\n\r{}\\[\\]:. ]{0,300}".prop_map(String::into_bytes),
            posting_text().prop_map(|t| format!("id,title,description\n1,\"{t}\",\"{t}\"\n2,x,\"{t}").into_bytes()),
            posting_text().prop_map(|t| format!("{{\"description\":{:?}}}\n{{\"description\":{:?}\n[1]\n", t, t).into_bytes()),
        ],
        format in proptest::sample::select(&[
            InputFormat::Csv, InputFormat::Jsonl, InputFormat::Json, InputFormat::Text, InputFormat::Html,
        ][..]),
    ) {
        let options = ReadOptions::default();
        if let Ok(rows) = read_postings("fuzz", format, &bytes[..], &options) {
            for posting in rows.take(1000).flatten() {
                check_spans(&posting)?;
            }
        }
    }
}

/// The JSON Lines of `rung audit` over the shipped samples with the given extra arguments.
fn audit(extra: &[&str]) -> Vec<String> {
    let corpora = concat!(env!("CARGO_MANIFEST_DIR"), "/corpora/en");
    let run = common::rung(&[&["audit", corpora, "--format", "jsonl"], extra].concat());
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout.lines().map(str::to_string).collect()
}

#[test]
fn output_does_not_depend_on_threads() {
    let one = audit(&["--threads", "1"]);
    assert!(one.len() > 10, "{}", one.len());
    assert_eq!(one, audit(&["--threads", "2"]));
}

#[test]
fn a_posting_does_not_depend_on_its_neighbours() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpora/en");
    let mut paths: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    paths.sort();
    let by_id = |paths: &[String]| {
        let args: Vec<&str> = paths.iter().map(String::as_str).collect();
        let mut lines = audit_paths(&args);
        lines.sort();
        lines
    };
    let forward = by_id(&paths);
    paths.reverse();
    assert_eq!(forward, by_id(&paths));
}

fn audit_paths(paths: &[&str]) -> Vec<String> {
    let run = common::rung(&[&["audit", "--format", "jsonl"], paths].concat());
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout.lines().map(str::to_string).collect()
}

/// Regression (found by `spans_are_verbatim_slices`, fixed on main): a years figure that ran
/// past its sentence's end sliced `text[end..segment_end]` backwards and panicked.
#[test]
fn a_figure_past_its_sentence_end_does_not_panic() {
    let posting = Posting::new(
        "p",
        "",
        "or equivalent experience at least \u{2022} 3-5 years",
    );
    check_spans(&posting).unwrap();
}
