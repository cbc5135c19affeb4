//! Shared by the targets: the analyzer, built once, and the span check.

use std::sync::LazyLock;

use rung::{Analyzer, Posting};
use serde_json::Value;

pub static ANALYZER: LazyLock<Analyzer> =
    LazyLock::new(|| Analyzer::with_defaults().expect("shipped lexicons are valid"));

/// Analyses `posting` and panics unless every span is a verbatim slice of its field on
/// character boundaries.
pub fn analyze_and_check(posting: &Posting) {
    let json = serde_json::to_value(ANALYZER.analyze(posting)).expect("serialisable");
    check(&json, posting);
}

fn check(value: &Value, posting: &Posting) {
    match value {
        Value::Object(map) => {
            if let (Some(Value::String(field)), Some(start), Some(end), Some(Value::String(text))) = (
                map.get("field"),
                map.get("start").and_then(Value::as_u64),
                map.get("end").and_then(Value::as_u64),
                map.get("text"),
            ) {
                let original = if field == "title" {
                    &posting.title
                } else {
                    &posting.description
                };
                let (start, end) = (start as usize, end as usize);
                assert!(original.is_char_boundary(start) && original.is_char_boundary(end));
                assert_eq!(&original[start..end], text);
            }
            map.values().for_each(|v| check(v, posting));
        }
        Value::Array(items) => items.iter().for_each(|v| check(v, posting)),
        _ => {}
    }
}
