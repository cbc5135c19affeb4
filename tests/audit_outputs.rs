//! `rung audit` writes every output format, and exits by `--fail-on`.

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// Three postings, one of them a "Data Analyst" that another posting contradicts by two
/// rungs, plus one broken line.
fn library(name: &str) -> (PathBuf, PathBuf) {
    let dir = scratch(name);
    let line = |id: &str, title: &str, text: &str, label: &str| {
        serde_json::json!({"id": id, "title": title, "description": text, "label": label})
            .to_string()
    };
    let data = [
        line("p1", "Junior Data Analyst", JUNIOR_SEVEN, "Entry level"),
        line("p2", "Data Analyst", ENTRY, "Entry level"),
        "{not json".to_string(),
        line("p3", "Data Analyst", "Requirements:\n- 8+ years of experience in analytics\n- You will mentor analysts and lead projects\n", "Mid-Senior level"),
        line("p4", "<b>Director</b> & \"Head\" of Engineering", DIRECTOR, "Director"),
    ]
    .join("\n");
    let path = write(&dir, "library.jsonl", &data);
    (dir, path)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn csv_has_one_row_a_posting() {
    let (_, input) = library("out_csv");
    let run = rung(&["audit", s(&input), "--format", "csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[..4], ["id", "title", "title_level", "implied_level"]);
    assert_eq!(header.len(), 18);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(&rows[0][0], "p1");
    assert_eq!(&rows[0][6], "7");
    assert!(
        rows[0][16].contains("title-below-requirements"),
        "{:?}",
        rows[0]
    );
    assert_eq!(&rows[3][17], "director");
}

#[test]
fn json_is_one_array() {
    let (_, input) = library("out_json");
    let run = rung(&["audit", s(&input), "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(value.as_array().unwrap().len(), 4);
    let dir = scratch("out_json_empty");
    let empty = write(&dir, "empty.jsonl", "");
    let run = rung(&["audit", s(&empty), "--format", "json"]);
    assert_eq!(run.stdout.trim(), "[]");
}

#[test]
fn summary_shows_levels_matrix_findings_agreement_and_titles() {
    let (_, input) = library("out_summary");
    let run = rung(&["audit", s(&input), "--format", "summary"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = &run.stdout;
    for heading in [
        "4 postings analysed, 1 rejected",
        "Implied level",
        "Title level (rows) by implied level (columns)",
        "Findings:",
        "title-below-requirements",
        "Worst postings",
        "Declared level: 4 postings",
        "Titles whose postings disagree",
        "\"Data Analyst\" (2 postings)",
    ] {
        assert!(out.contains(heading), "{heading:?} missing from:\n{out}");
    }
}

#[test]
fn output_file_is_written_whole_and_its_extension_picks_the_format() {
    let (dir, input) = library("out_file");
    let out = dir.join("levels.csv");
    let run = rung(&["audit", s(&input), "-o", s(&out)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("id,title,"), "{text}");
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("rung-tmp"))
        .collect();
    assert!(leftovers.is_empty());
    // A missing input is counted as rejected; the report on the others is still written
    // (README: exit codes), and the run exits 2.
    let run = rung(&[
        "audit",
        s(&input),
        "/nonexistent.jsonl",
        "-o",
        s(&dir.join("x.json")),
    ]);
    assert_eq!(run.code, 2);
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("x.json")).unwrap()).unwrap();
    assert!(!report.as_array().unwrap().is_empty());
    // A run refused at the start leaves no report at all.
    let run = rung(&["audit", s(&input), "-o", s(&dir.join("x.pdf"))]);
    assert_eq!(run.code, 2);
    assert!(!dir.join("x.pdf").exists());
}

#[test]
fn fail_on_sets_the_exit_code() {
    let (_, input) = library("out_fail_on");
    assert_eq!(rung(&["audit", s(&input), "--format", "jsonl"]).code, 0);
    let run = rung(&[
        "audit",
        s(&input),
        "--format",
        "jsonl",
        "--fail-on",
        "warning",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
}

fn html_report(name: &str) -> (PathBuf, String) {
    let (dir, input) = library(name);
    let out = dir.join("report.html");
    let run = rung(&["audit", s(&input), "-o", s(&out)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = std::fs::read_to_string(&out).unwrap();
    (out, html)
}

#[test]
fn html_is_self_contained_and_escaped() {
    let (_, html) = html_report("out_html");
    assert_eq!(html.matches("<tr class=\"posting\"").count(), 4);
    assert_eq!(html.matches("<svg").count(), 3);
    for remote in ["src=\"http", "href=\"http", "<link", "@import", "url("] {
        assert!(!html.contains(remote), "the page loads {remote}");
    }
    assert!(html.contains("&lt;b&gt;Director&lt;/b&gt; &amp; &quot;Head&quot;"));
    assert!(!html.contains("<b>Director</b>"));
    assert!(
        html.contains("<mark class=\"fi\""),
        "findings are highlighted"
    );
    assert!(html.contains("Same title, different levels"));
    // A legend names both highlight colours and the heatmap's outlined diagonal.
    let legend = html
        .split("<p class=\"legend\">")
        .nth(1)
        .and_then(|l| l.split("</p>").next())
        .expect("a legend for the highlights");
    assert!(
        legend.contains("<mark class=\"ev\">evidence</mark>"),
        "{legend}"
    );
    assert!(
        legend.contains("<mark class=\"fi\">finding</mark>"),
        "{legend}"
    );
    assert!(html.contains("<span class=\"diag\"></span> outlined: the title states the level"));
    // On a phone the title level stays beside the implied one: neither is a wide-only
    // column, and the titles table says what each title states.
    assert!(html.contains("<th data-col=\"2\" tabindex=\"0\">Title level</th>"));
    assert!(!html.contains("<td class=\"wide\" data-v=\"9\"><span class=\"lv none\">"));
    assert!(html.contains("<th>Title says</th>"));
    assert!(html.contains("<span class=\"narrow\">says </span>"));
}

/// Loads the report in a real browser, when one is installed, and checks what it built.
#[test]
fn html_renders_in_chromium() {
    let chromium = Path::new("/usr/bin/chromium");
    if !chromium.exists() {
        eprintln!("note: /usr/bin/chromium is absent; skipping the browser test");
        return;
    }
    let (path, _) = html_report("out_html_browser");
    let profile = scratch("out_html_browser_profile");
    let output = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            &format!("--user-data-dir={}", profile.display()),
            "--dump-dom",
            &format!("file://{}", path.display()),
        ])
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&output.stdout);
    assert_eq!(dom.matches("<tr class=\"posting\"").count(), 4, "{dom}");
    assert_eq!(dom.matches("<svg").count(), 3);
    // The script ran: it counts the rows it shows.
    assert!(dom.contains("4 of 4 postings"), "{dom}");
    assert!(
        dom.contains("<mark class=\"ev\">evidence</mark> words behind"),
        "{dom}"
    );
    assert!(
        dom.contains("<mark class=\"fi\">finding</mark> words a"),
        "{dom}"
    );
}
