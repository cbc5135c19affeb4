//! SARIF 2.1.0 for code-scanning CI: one run, one result per finding, located at each of its
//! spans as a line/column region of the posting's file where its text is a stretch of the
//! file (text, Markdown). Elsewhere (text extracted from HTML, a CSV cell, a JSON field) a
//! region would name lines the file does not have, so the location is the file alone (or,
//! in `audit`, the posting's id) with a message saying where in the text the span lies.

use std::io::{self, Write};

use serde_json::{json, Value};

use crate::findings::CODES;
use crate::posting::{Analysis, Field, Finding, Posting, Severity, Span};

/// The SARIF log of postings read from one file, `artifact` (`rung check`).
pub fn sarif(postings: &[(&Posting, &Analysis)], artifact: &str) -> Value {
    let results: Vec<Value> = postings
        .iter()
        .flat_map(|&(p, a)| {
            a.findings
                .iter()
                .map(move |f| result(p, a, f, Some(artifact)))
        })
        .collect();
    log(results)
}

/// The whole log around its results.
fn log(results: Vec<Value>) -> Value {
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
/// `artifact` is the posting's file, when there is one to point at.
fn result(
    posting: &Posting,
    analysis: &Analysis,
    finding: &Finding,
    artifact: Option<&str>,
) -> Value {
    let mut locations: Vec<Value> = finding
        .spans
        .iter()
        .map(|s| location(posting, s, artifact))
        .collect();
    if locations.is_empty() {
        locations.push(place(artifact, &posting.id));
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
/// file (or the posting) alone, with a message saying where in the text it lies.
fn location(posting: &Posting, span: &Span, artifact: Option<&str>) -> Value {
    let (in_file, what) = match span.field {
        Field::Title => (posting.title_at.is_some(), "the title".to_string()),
        Field::Description => (
            posting.description_at.is_some(),
            "the posting's text".to_string(),
        ),
        // A column of a table row is never a stretch of a text file.
        Field::Column(name) => (false, format!("its {name} column")),
    };
    match artifact {
        Some(uri) if in_file => json!({"physicalLocation": {
            "artifactLocation": {"uri": uri},
            "region": {"startLine": span.line, "startColumn": span.column, "snippet": {"text": span.text}},
        }}),
        _ => {
            let mut place = place(artifact, &posting.id);
            place["message"] = json!({"text": format!(
                "{:?} at line {}, column {} of {what} as rung read it",
                span.text, span.line, span.column
            )});
            place
        }
    }
}

/// The file, or, with no file to point at, the posting by its id.
fn place(artifact: Option<&str>, id: &str) -> Value {
    match artifact {
        Some(uri) => json!({"physicalLocation": {"artifactLocation": {"uri": uri}}}),
        None => json!({"logicalLocations": [{"fullyQualifiedName": id, "kind": "posting"}]}),
    }
}

fn level(severity: &str) -> &'static str {
    match severity {
        s if s == Severity::Error.as_str() => "error",
        s if s == Severity::Warning.as_str() => "warning",
        _ => "note",
    }
}

/// `rung audit --format sarif`: the results of every posting, one log. A posting read
/// whole from a text file is located in that file (its id is the file's path); the others by
/// their id.
pub struct SarifReport<W: Write> {
    out: W,
    results: Vec<Value>,
}

impl<W: Write> SarifReport<W> {
    pub fn new(out: W) -> SarifReport<W> {
        SarifReport {
            out,
            results: Vec::new(),
        }
    }
}

impl<W: Write> super::Reporter for SarifReport<W> {
    fn add(&mut self, posting: &Posting, analysis: &Analysis) -> io::Result<()> {
        let whole_file = posting.title_at.is_some() || posting.description_at.is_some();
        let artifact = whole_file.then_some(posting.id.as_str());
        self.results.extend(
            analysis
                .findings
                .iter()
                .map(|f| result(posting, analysis, f, artifact)),
        );
        Ok(())
    }
    fn finish(&mut self) -> io::Result<()> {
        let log = log(std::mem::take(&mut self.results));
        serde_json::to_writer_pretty(&mut self.out, &log)?;
        self.out.write_all(b"\n")?;
        self.out.flush()
    }
}
