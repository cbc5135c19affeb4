//! SARIF 2.1.0 for code-scanning CI: one run, one result per finding, locations as
//! line/column regions in the posting file.

use serde_json::{json, Value};

use crate::findings::CODES;
use crate::posting::{Analysis, Field, Finding, Posting, Severity, Span};

/// The SARIF log of postings read from one file, `artifact`.
pub fn sarif(postings: &[(&Posting, &Analysis)], artifact: &str) -> Value {
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
    let results: Vec<Value> = postings
        .iter()
        .flat_map(|&(p, a)| a.findings.iter().map(move |f| (p, a, f)))
        .map(|(p, a, f)| result(p, a, f, artifact))
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

/// One finding, located at each of its spans; a finding with none points at the file.
pub fn result(posting: &Posting, analysis: &Analysis, finding: &Finding, artifact: &str) -> Value {
    let mut locations: Vec<Value> = finding
        .spans
        .iter()
        .map(|s| location(posting, s, artifact))
        .collect();
    if locations.is_empty() {
        locations.push(json!({"physicalLocation": {"artifactLocation": {"uri": artifact}}}));
    }
    json!({
        "ruleId": finding.code,
        "level": level(finding.severity.as_str()),
        "message": {"text": finding.message},
        "locations": locations,
        "properties": {"posting": analysis.id, "title": analysis.title},
    })
}

/// A span's place: a region of the file where its text is a stretch of the file, else the
/// file alone, with a message saying where in the extracted text or field it lies (a region
/// would name lines the file does not have).
fn location(posting: &Posting, span: &Span, artifact: &str) -> Value {
    let (in_file, what) = match span.field {
        Field::Title => (posting.title_at.is_some(), "the title"),
        Field::Description => (
            posting.description_at.is_some(),
            "the text extracted from the file",
        ),
    };
    if in_file {
        return json!({"physicalLocation": {
            "artifactLocation": {"uri": artifact},
            "region": {"startLine": span.line, "startColumn": span.column, "snippet": {"text": span.text}},
        }});
    }
    json!({
        "physicalLocation": {"artifactLocation": {"uri": artifact}},
        "message": {"text": format!(
            "{:?} at line {}, column {} of {what}",
            span.text, span.line, span.column
        )},
    })
}

fn level(severity: &str) -> &'static str {
    match severity {
        s if s == Severity::Error.as_str() => "error",
        s if s == Severity::Warning.as_str() => "warning",
        _ => "note",
    }
}
