//! A held-out style check: 16 hand-written postings of 16 occupations (ICU nurse, director of
//! nursing, store manager, cashier, executive chef, electrician, apprentice plumber, truck
//! driver, paralegal, attorney, accountant, controller, teacher, account executive, executive
//! assistant, intern), annotated by the guide before rung was run on them
//! (tests/fixtures/occupations-gold.jsonl). The floors below fail a change that loses what the
//! shipped lexicons read right today.

mod common;

use std::sync::LazyLock;

use rung::{Analyzer, Posting};
use serde_json::Value;

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(|| Analyzer::with_defaults().unwrap());

const FIXTURE: &str = include_str!("fixtures/occupations-gold.jsonl");

const LEADERSHIP: [&str; 5] = [
    "people_management",
    "mentoring",
    "leads_work",
    "strategy",
    "budget",
];

const MISMATCH_CODES: [&str; 3] = [
    "title-below-requirements",
    "title-above-requirements",
    "experience-contradiction",
];

/// The analysis of each fixture posting, flattened to the gold file's keys.
fn predictions() -> Vec<(String, Value, Value)> {
    FIXTURE
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let row: Value = serde_json::from_str(line).unwrap();
            let id = row["id"].as_str().unwrap().to_string();
            let posting = Posting::new(
                &id,
                row["title"].as_str().unwrap(),
                row["description"].as_str().unwrap(),
            );
            let a = serde_json::to_value(ANALYZER.analyze(&posting)).unwrap();
            let mut got = serde_json::Map::new();
            let title_level = match &a["title_level"] {
                Value::Null => Value::from("unspecified"),
                v => v.clone(),
            };
            got.insert("title_level".into(), title_level);
            got.insert("implied_level".into(), a["implied_level"].clone());
            for key in ["min_years", "max_years", "preferred_years"] {
                got.insert(key.into(), a["experience"][key].clone());
            }
            got.insert("degree_level".into(), a["degree"]["level"].clone());
            got.insert("degree_required".into(), a["degree"]["required"].clone());
            got.insert("autonomy".into(), a["autonomy"].clone());
            for key in LEADERSHIP {
                got.insert(key.into(), a["leadership"][key].clone());
            }
            let mismatch = a["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| MISMATCH_CODES.contains(&f["code"].as_str().unwrap_or_default()));
            got.insert("mismatch".into(), Value::from(mismatch));
            (id, row["gold"].clone(), Value::Object(got))
        })
        .collect()
}

/// Numbers compare as numbers (gold 2 and rung 2.0 agree).
fn same(gold: &Value, got: &Value) -> bool {
    match (gold.as_f64(), got.as_f64()) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-9,
        _ => gold == got,
    }
}

fn right(rows: &[(String, Value, Value)], keys: &[&str]) -> (usize, Vec<String>) {
    let mut wrong = Vec::new();
    for (id, gold, got) in rows {
        for key in keys {
            if !same(&gold[key], &got[key]) {
                wrong.push(format!("{id}: {key} gold {} got {}", gold[key], got[key]));
            }
        }
    }
    let bad: std::collections::HashSet<&str> = rows
        .iter()
        .filter(|(_, gold, got)| keys.iter().any(|k| !same(&gold[k], &got[k])))
        .map(|(id, _, _)| id.as_str())
        .collect();
    (rows.len() - bad.len(), wrong)
}

#[test]
fn fixture_is_complete() {
    let rows = predictions();
    assert_eq!(rows.len(), 16);
    for (id, gold, _) in &rows {
        for key in [
            "title_level",
            "implied_level",
            "min_years",
            "max_years",
            "preferred_years",
            "degree_level",
            "degree_required",
            "degree_or_equivalent",
            "enrolled_student",
            "autonomy",
            "mismatch",
            "mismatch_reason",
            "years_evidence",
            "degree_evidence",
        ]
        .iter()
        .chain(LEADERSHIP.iter())
        {
            assert!(gold.get(*key).is_some(), "{id}: gold lacks {key}");
        }
    }
}

/// (fields that must all be right on a posting, fewest postings of 16 that get them all right)
const FLOORS: &[(&[&str], usize)] = &[
    (&["implied_level", "min_years", "degree_level"], 14),
    (&["title_level"], 16),
    (&["implied_level"], 14),
    (&["min_years", "max_years", "preferred_years"], 15),
    (&["degree_level", "degree_required"], 16),
    (&["autonomy"], 16),
    (&LEADERSHIP, 13),
    (&["mismatch"], 15),
];

#[test]
fn occupations_floor() {
    let rows = predictions();
    let mut failures = Vec::new();
    for (keys, floor) in FLOORS {
        let (n, wrong) = right(&rows, keys);
        if n < *floor {
            failures.push(format!(
                "{keys:?}: {n} of {} right, floor {floor}\n    {}",
                rows.len(),
                wrong.join("\n    ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Short sentences of our own for the rules this check added.
#[test]
fn rules_from_the_occupations_check() {
    let lead = |text: &str| {
        common::leadership_flags(
            &ANALYZER
                .analyze(&Posting::new("t", "Nurse", text))
                .leadership,
        )
    };
    let cases: &[(&str, [bool; 5])] = &[
        (
            "Precept new graduate nurses on the unit.",
            [false, true, false, false, false],
        ),
        (
            "You will act as a preceptor for students.",
            [false, true, false, false, false],
        ),
        (
            "The theories, precepts and practices of the field.",
            [false; 5],
        ),
        (
            "New teachers are paired with an experienced mentor.",
            [false; 5],
        ),
        (
            "Direct the work of apprentices on site.",
            [false, false, true, false, false],
        ),
        (
            "She directly supervises the assistant director of nursing.",
            [true, false, false, false, false],
        ),
        (
            "Set the accounting function's strategy for controls.",
            [false, false, false, true, false],
        ),
        ("Help shape the team's strategy for next year.", [false; 5]),
        (
            "Own the department's budget.",
            [false, false, false, false, true],
        ),
        (
            "Control food and labor costs in the kitchen.",
            [false, false, false, false, true],
        ),
        (
            "Train and schedule the kitchen team.",
            [false, true, false, false, false],
        ),
        (
            "Lead cases from intake through trial.",
            [false, false, true, false, false],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(&lead(text), want, "{text:?}");
    }
    let degree = |text: &str| {
        ANALYZER
            .analyze(&Posting::new("t", "Attorney", text))
            .degree
    };
    assert_eq!(
        degree("J.D. from an accredited law school.").level,
        Some("doctorate")
    );
    assert_eq!(degree("Juris Doctorate required.").level, Some("doctorate"));
}
