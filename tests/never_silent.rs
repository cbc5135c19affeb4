//! Issue 14, "never silent": whatever rung cannot read is named on stderr with why, an audit
//! still writes its report around it, and a run that read nothing is no success.

mod common;

use common::*;

fn junior(dir: &std::path::Path) -> String {
    let md = format!("# Junior Data Analyst\n\n{JUNIOR_SEVEN}");
    write(dir, "good.md", &md).display().to_string()
}

#[test]
fn a_missing_path_is_rejected_and_the_rest_still_reported() {
    let dir = scratch("never_silent_missing");
    let good = junior(&dir);
    let nope = dir.join("nope.md").display().to_string();
    let run = rung(&["audit", &nope, &good, "--format", "csv"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        run.stdout.lines().count(),
        2,
        "header and one row: {}",
        run.stdout
    );
    assert!(run.stdout.contains("Junior Data Analyst"), "{}", run.stdout);
    assert!(run.stderr.contains("nope.md"), "{}", run.stderr);
    assert!(
        run.stderr.contains("1 analysed, 1 rejected (2 rows)"),
        "{}",
        run.stderr
    );
}

#[test]
fn unsupported_files_in_a_folder_are_listed_and_an_empty_audit_exits_2() {
    let dir = scratch("never_silent_unsupported");
    write(&dir, "lib/ad.pdf", "%PDF-1.4");
    write(&dir, "lib/ad.docx", "PK");
    let lib = dir.join("lib").display().to_string();
    let run = rung(&["audit", &lib, "--format", "csv"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    for file in ["ad.pdf", "ad.docx"] {
        assert!(
            run.stderr
                .lines()
                .any(|l| l.contains(file) && l.contains("unsupported file type")),
            "{file}: {}",
            run.stderr
        );
    }
    assert!(run.stderr.contains("no posting analysed"), "{}", run.stderr);

    // Beside postings, a skipped file is named but the audit succeeds.
    junior(&dir.join("lib"));
    let run = rung(&["audit", &lib, "--format", "csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("skipped"), "{}", run.stderr);
}

#[test]
fn an_unsupported_file_named_is_rejected_and_an_empty_one_is_no_success() {
    let dir = scratch("never_silent_named");
    let good = junior(&dir);
    let pdf = write(&dir, "ad.pdf", "%PDF-1.4").display().to_string();
    let run = rung(&["audit", &pdf, &good, "--format", "csv"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stdout.contains("Junior Data Analyst"), "{}", run.stdout);
    assert!(
        run.stderr.contains("ad.pdf: unsupported file type .pdf"),
        "{}",
        run.stderr
    );

    let empty = write(&dir, "empty.md", "").display().to_string();
    let run = rung(&["audit", &empty, "--format", "csv"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("no posting analysed"), "{}", run.stderr);
}

#[test]
fn a_mistyped_lexicon_language_is_refused_with_a_hint() {
    let dir = scratch("never_silent_lexicons");
    let tsv = "phrase\tsignal\tvalue\tnote\nfree rein\tautonomy\thigh\tours\n";
    write(&dir, "lex/eng/autonomy.tsv", tsv);
    let good = junior(&dir);
    let lex = dir.join("lex").display().to_string();
    let run = rung(&["--lexicons", &lex, "check", &good]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("eng: not a language code rung knows; did you mean en?"),
        "{}",
        run.stderr
    );
    // A language of one's own is accepted when said so.
    let run = rung(&["--lexicons", &lex, "--new-language", "eng", "lexicons"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("eng/autonomy.tsv"), "{}", run.stdout);
}

#[test]
fn check_on_a_table_of_postings_points_to_audit() {
    let dir = scratch("never_silent_check_table");
    let row = |title: &str| format!("{title},{}\n", quote(JUNIOR_SEVEN));
    let two = format!("title,description\n{}{}", row("Junior A"), row("Junior B"));
    let jobs = write(&dir, "jobs.csv", &two).display().to_string();
    let run = rung(&["check", &jobs]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("jobs.csv: this is a table of 2 postings: use rung audit"),
        "{}",
        run.stderr
    );
    // A table of one is that posting.
    let one = format!("title,description\n{}", row("Junior Data Analyst"));
    let one = write(&dir, "one.csv", &one).display().to_string();
    let run = rung(&["check", &one, "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let analysis: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(analysis["title"], "Junior Data Analyst");
    assert_eq!(analysis["experience"]["min_years"], 7.0);
}

#[test]
fn the_output_format_follows_the_o_extension() {
    let dir = scratch("never_silent_output");
    let good = junior(&dir);
    let pdf = dir.join("report.pdf");
    let run = rung(&["audit", &good, "-o", pdf.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains(".html, .htm, .csv, .json, .jsonl, .ndjson, .sarif, .txt"),
        "{}",
        run.stderr
    );
    assert!(!pdf.exists(), "no report.pdf is written");

    // An explicit --format wins.
    let run = rung(&[
        "audit",
        &good,
        "-o",
        pdf.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&pdf).unwrap()).unwrap();
    assert_eq!(json[0]["title"], "Junior Data Analyst");

    let sarif = dir.join("report.sarif");
    let run = rung(&["audit", &good, "-o", sarif.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let log: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sarif).unwrap()).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let region = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(1), Some(3))
    );

    let txt = dir.join("report.txt");
    let run = rung(&["audit", &good, "-o", txt.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(std::fs::read_to_string(&txt)
        .unwrap()
        .contains("Implied level"));
}
