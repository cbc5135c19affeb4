//! SARIF 2.1.0 for code-scanning CI: one run, one result per finding, locations as
//! line/column regions in the posting file.

use serde_json::{json, Value};

use crate::findings::CODES;
use crate::posting::{Analysis, Field, Severity};

pub fn sarif(analyses: &[Analysis], artifact: &str) -> Value {
    let rules: Vec<Value> = CODES
        .iter()
        .map(|(code, severity, text)| {
            json!({
                "id": code,
                "shortDescription": {"text": text},
                "defaultConfiguration": {"level": level(severity)},
            })
        })
        .collect();
    let results: Vec<Value> = analyses
        .iter()
        .flat_map(|a| a.findings.iter().map(move |f| (a, f)))
        .map(|(a, f)| {
            let locations: Vec<Value> = f
                .spans
                .iter()
                .filter(|s| s.field == Field::Description)
                .map(|s| {
                    json!({"physicalLocation": {
                        "artifactLocation": {"uri": artifact},
                        "region": {"startLine": s.line, "startColumn": s.column, "snippet": {"text": s.text}},
                    }})
                })
                .collect();
            json!({
                "ruleId": f.code,
                "level": level(f.severity.as_str()),
                "message": {"text": f.message},
                "locations": locations,
                "properties": {"posting": a.id, "title": a.title},
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "rung",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/rung/rung",
                "rules": rules,
            }},
            "results": results,
        }],
    })
}

fn level(severity: &str) -> &'static str {
    match severity {
        s if s == Severity::Error.as_str() => "error",
        s if s == Severity::Warning.as_str() => "warning",
        _ => "note",
    }
}
