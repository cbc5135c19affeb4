//! Postings kept in several columns (company profile, description, requirements, benefits),
//! as ATS and job-board exports keep them (EMSCAD, Workable): each column is read as its own
//! section, and spans point into the column they came from.

mod common;

use common::*;
use serde_json::{json, Value};

/// An EMSCAD-like row: the description holds only the duties; the years figures sit in the
/// company profile (the company's experience), the requirements and the benefits.
fn emscad_row() -> Value {
    json!({
        "id": "emscad-1",
        "title": "Marketing Intern",
        "company_profile": "We're Food52. Our founders bring 15 years of experience in food media.",
        "description": "Help the editorial team with social media and newsletters.",
        "requirements": "Must have:\n- 2+ years of experience in social media marketing\n- Bachelor's degree",
        "benefits": "After 5 years of service you earn a paid sabbatical.",
        "label": "Internship",
    })
}

fn audit_jsonl(dir: &std::path::Path, name: &str, rows: &[Value], extra: &[&str]) -> Vec<Value> {
    let body: String = rows.iter().map(|r| format!("{r}\n")).collect();
    let path = write(dir, name, &body);
    let mut args = vec!["audit", path.to_str().unwrap(), "--format", "jsonl"];
    args.extend_from_slice(extra);
    let run = rung(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    objects(&run)
}

#[test]
fn well_known_columns_are_read_each_as_its_own_section() {
    let dir = scratch("split_emscad");
    let row = emscad_row();
    let got = &audit_jsonl(&dir, "emscad.jsonl", std::slice::from_ref(&row), &[])[0];
    let experience = &got["experience"];
    // The requirement is read; the company's 15 years and the benefit's 5 are not.
    assert_eq!(experience["min_years"], 2.0, "{got:#}");
    let mentions = experience["mentions"].as_array().unwrap();
    assert_eq!(mentions.len(), 1, "{got:#}");
    let m = &mentions[0];
    assert_eq!(m["field"], "requirements");
    assert_eq!(
        (m["line"].as_u64(), m["column"].as_u64()),
        (Some(2), Some(3))
    );
    let requirements = row["requirements"].as_str().unwrap();
    let (start, end) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
    assert_eq!(&requirements[start as usize..end as usize], m["text"]);
    assert_eq!(m["text"], "2+ years");
    let degree = &got["degree"]["mentions"][0];
    assert_eq!(degree["field"], "requirements", "{got:#}");
    // Every span of the analysis names a column of the row, and its text is there.
    let mut spans = Vec::new();
    collect_spans(got, &mut spans);
    assert!(!spans.is_empty());
    for s in spans {
        let field = s["field"].as_str().unwrap();
        let text = row[field]
            .as_str()
            .unwrap_or_else(|| panic!("{field}: {s}"));
        let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
        assert_eq!(&text[start as usize..end as usize], s["text"], "{s}");
    }
}

fn collect_spans<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
    match v {
        Value::Object(o) if o.contains_key("field") && o.contains_key("start") => out.push(v),
        Value::Object(o) => o.values().for_each(|v| collect_spans(v, out)),
        Value::Array(a) => a.iter().for_each(|v| collect_spans(v, out)),
        _ => {}
    }
}

#[test]
fn a_description_that_already_joins_the_columns_is_read_once_and_as_before() {
    let dir = scratch("split_joined");
    let row = emscad_row();
    let joined = format!(
        "About us\n{}\n{}\nRequirements\n{}\nBenefits\n{}",
        row["company_profile"].as_str().unwrap(),
        row["description"].as_str().unwrap(),
        row["requirements"].as_str().unwrap(),
        row["benefits"].as_str().unwrap()
    );
    let mut with_columns = row.clone();
    with_columns["description"] = json!(joined);
    let alone = json!({"id": "emscad-1", "title": "Marketing Intern", "description": joined,
        "label": "Internship"});
    let a = audit_jsonl(&dir, "joined.jsonl", &[with_columns], &[]);
    let b = audit_jsonl(&dir, "alone.jsonl", &[alone], &[]);
    assert_eq!(a, b);
    assert_eq!(a[0]["experience"]["mentions"][0]["field"], "description");
}

#[test]
fn text_col_names_several_columns_in_order_in_csv() {
    let dir = scratch("split_csv");
    let data = "id,title,Company Profile,Description,Requirements,Benefits,notes\n\
        c1,Data Analyst,\"Founded 30 years ago, with 12 years of experience serving clients.\",\
        Analyse sales data.,\"Requirements:\n- 3+ years of experience in SQL\",\
        5 years of experience with us earns a bonus,\"10+ years of experience in Excel\"\n";
    let path = write(&dir, "jobs.csv", data);
    let path = path.to_str().unwrap();
    // Found by their names: the notes column is not one of them.
    let run = rung(&["audit", path, "--format", "jsonl"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let found = &objects(&run)[0];
    assert_eq!(found["experience"]["min_years"], 3.0, "{found:#}");
    let m = &found["experience"]["mentions"][0];
    assert_eq!(
        (&m["field"], &m["line"]),
        (&json!("Requirements"), &json!(2))
    );
    // Named: exactly those, in that order; the benefits column is read as benefits.
    let run = rung(&[
        "audit",
        path,
        "--format",
        "jsonl",
        "--text-col",
        "description,benefits,notes",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let named = &objects(&run)[0];
    let mentions = named["experience"]["mentions"].as_array().unwrap();
    assert_eq!(named["experience"]["min_years"], 10.0, "{named:#}");
    assert_eq!(mentions.len(), 1, "{named:#}");
    assert_eq!(mentions[0]["field"], "notes");
    // One named column is the description, as before.
    let run = rung(&["audit", path, "--format", "jsonl", "--text-col", "notes"]);
    let one = &objects(&run)[0];
    assert_eq!(one["experience"]["mentions"][0]["field"], "description");
    // A column that is not there is an error naming it.
    let run = rung(&["audit", path, "--text-col", "description,perks"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no column \"perks\""), "{}", run.stderr);
}

#[test]
fn text_col_names_json_fields_too() {
    let dir = scratch("split_json_named");
    let got = audit_jsonl(
        &dir,
        "named.jsonl",
        &[emscad_row()],
        &["--text-col", "description,benefits"],
    );
    // The benefits column is read as benefits: its 5 years are no requirement.
    assert_eq!(
        got[0]["experience"]["min_years"],
        Value::Null,
        "{:#}",
        got[0]
    );
    let got = audit_jsonl(
        &dir,
        "named2.jsonl",
        &[emscad_row()],
        &["--text-col", "Requirements"],
    );
    assert_eq!(got[0]["experience"]["mentions"][0]["field"], "description");
    assert_eq!(got[0]["experience"]["min_years"], 2.0);
}

#[test]
fn the_html_report_shows_each_column_with_its_marks() {
    let dir = scratch("split_html");
    let input = write(&dir, "emscad.jsonl", &format!("{}\n", emscad_row()));
    let out = dir.join("report.html");
    let run = rung(&[
        "audit",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = std::fs::read_to_string(out).unwrap();
    for part in ["company_profile", "description", "requirements", "benefits"] {
        assert!(
            html.contains(&format!("<span class=\"part\">{part}</span>")),
            "{part}"
        );
    }
    let requirements = html
        .split("<span class=\"part\">requirements</span>")
        .nth(1)
        .unwrap();
    let requirements = requirements.split("<span class=\"part\">").next().unwrap();
    assert!(requirements.contains(">2+ years</mark>"), "{requirements}");
}
