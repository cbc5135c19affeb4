//! `rung audit` reads every input format: one test per format and per trap (BOM, multi-line
//! quoted fields, sniffed delimiters, broken rows, unknown columns).

mod common;

use common::*;

#[test]
fn csv_with_bom_semicolons_and_multi_line_quoted_fields() {
    let dir = scratch("csv_semicolon");
    let data = "\u{feff}job_id;Job Title;job_description;seniority_level\n\
        a1;Junior Data Analyst;\"Requirements:\n- 7+ years of experience in SQL reporting; \
        with \"\"dashboards\"\"\n- Bachelor's degree\";Entry level\n\
        ;Graduate Trainee;\"No experience required.\nFull training provided.\";Internship\n";
    let path = write(&dir, "jobs.csv", data);
    let run = rung(&["audit", path.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let objects = objects(&run);
    assert_eq!(objects.len(), 2, "{}", run.stdout);
    assert_eq!(objects[0]["id"], "a1");
    assert_eq!(objects[0]["title"], "Junior Data Analyst");
    assert_eq!(objects[0]["declared_level"], "entry");
    assert_eq!(objects[0]["experience"]["min_years"], 7.0);
    // The second record starts on line 5: the first spans lines 2 to 4.
    let second = objects[1]["id"].as_str().unwrap();
    assert!(second.ends_with("jobs.csv:5"), "{second}");
    assert_eq!(objects[1]["declared_level"], "internship");
    assert!(
        run.stderr
            .contains("2 postings read, 2 analysed, 0 rejected"),
        "{}",
        run.stderr
    );
}

#[test]
fn tsv_is_read_by_its_tabs() {
    let dir = scratch("tsv");
    let data = format!(
        "id\ttitle\tdescription\nt1\tJunior Data Analyst\t{}\nt2\tSoftware Director\t{}\n",
        JUNIOR_SEVEN.replace('\n', " "),
        DIRECTOR.replace('\n', " ")
    );
    let path = write(&dir, "jobs.tsv", &data);
    let run = rung(&["audit", path.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(ids(&run), ["t1", "t2"]);
}

#[test]
fn pipe_delimited_scrape_with_named_columns() {
    let dir = scratch("pipe");
    let data = format!(
        "posting|headline|body|level\np1|Junior Data Analyst|{}|Entry level\np2|Graduate|{}|\n",
        quote(JUNIOR_SEVEN),
        quote(ENTRY)
    );
    let path = write(&dir, "scrape.csv", &data);
    let path = path.to_str().unwrap();
    let named = [
        "--title-col",
        "headline",
        "--text-col",
        "body",
        "--id-col",
        "posting",
        "--level-col",
        "level",
    ];
    let run = rung(&[&["audit", path, "--format", "jsonl"], &named[..]].concat());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let objects = objects(&run);
    assert_eq!(ids(&run), ["p1", "p2"]);
    assert_eq!(objects[0]["title"], "Junior Data Analyst");
    assert_eq!(objects[0]["declared_level"], "entry");
    // The same file with the delimiter given instead of sniffed.
    let run = rung(
        &[
            &["audit", path, "--delimiter", "|", "--format", "jsonl"],
            &named[..],
        ]
        .concat(),
    );
    assert_eq!(ids(&run), ["p1", "p2"]);
}

#[test]
fn unknown_column_is_an_error_naming_the_file_and_its_header() {
    let dir = scratch("unknown_col");
    let path = write(&dir, "jobs.csv", "id,title,description\n1,T,Text\n");
    let run = rung(&["audit", path.to_str().unwrap(), "--title-col", "headline"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("jobs.csv"), "{}", run.stderr);
    assert!(run.stderr.contains("\"headline\""), "{}", run.stderr);
    assert!(
        run.stderr.contains("id, title, description"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
}

#[test]
fn csv_rows_with_bad_quoting_or_no_text_are_rejected_and_counted() {
    let dir = scratch("csv_bad_rows");
    let data = format!(
        "id,title,description\nok1,Junior Data Analyst,{}\nbad,T,\"unterminated, \"x\" y\",extra\nempty,T,\nok2,Graduate,{}\n",
        quote(JUNIOR_SEVEN),
        quote(ENTRY)
    );
    let path = write(&dir, "jobs.csv", &data);
    let run = rung(&["audit", path.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(ids(&run), ["ok1", "ok2"]);
    assert!(run.stderr.contains("jobs.csv:"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("2 postings read, 2 analysed, 2 rejected (4 rows)"),
        "{}",
        run.stderr
    );
}

#[test]
fn json_array_file() {
    let dir = scratch("json_array");
    let data = serde_json::json!([
        {"id": "j1", "title": "Junior Data Analyst", "description": JUNIOR_SEVEN, "label": "Entry level"},
        {"title": "Graduate", "jobDescription": ENTRY},
    ]);
    let path = write(
        &dir,
        "jobs.json",
        &serde_json::to_string_pretty(&data).unwrap(),
    );
    let run = rung(&["audit", path.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ids = ids(&run);
    assert_eq!(ids[0], "j1");
    assert!(ids[1].contains("jobs.json:"), "{ids:?}");
}

#[test]
fn broken_jsonl_line_is_rejected_and_the_rest_analysed() {
    let dir = scratch("jsonl_broken");
    let line = |id: &str, text: &str| {
        serde_json::json!({"id": id, "title": "Data Analyst", "description": text}).to_string()
    };
    let data = format!(
        "{}\n{{\"id\": \"broken\", \"description\": \n{}\n{{\"id\": \"no-text\"}}\n{}\n",
        line("l1", JUNIOR_SEVEN),
        line("l3", ENTRY),
        line("l5", DIRECTOR)
    );
    let path = write(&dir, "jobs.jsonl", &data);
    let run = rung(&["audit", path.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(ids(&run), ["l1", "l3", "l5"]);
    assert!(
        run.stderr.contains("jobs.jsonl:2: invalid JSON"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("jobs.jsonl:4: no posting text"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("3 postings read, 3 analysed, 2 rejected (5 rows)"),
        "{}",
        run.stderr
    );
}

#[test]
fn invalid_utf8_text_file_is_rejected() {
    let dir = scratch("utf8");
    write(
        &dir,
        "good.txt",
        &format!("Junior Data Analyst\n{JUNIOR_SEVEN}"),
    );
    std::fs::write(dir.join("bad.txt"), b"Title\nCaf\xe9 staff wanted\n").unwrap();
    let run = rung(&["audit", dir.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(objects(&run).len(), 1);
    assert!(
        run.stderr.contains("bad.txt:2: invalid UTF-8 at line 2"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("1 rejected"), "{}", run.stderr);
}

#[test]
fn directory_of_text_markdown_and_html_postings() {
    let dir = scratch("directory");
    write(
        &dir,
        "a/junior.md",
        &format!("# Junior Data Analyst\n\n{JUNIOR_SEVEN}"),
    );
    write(&dir, "b/entry.txt", &format!("Graduate Trainee\n{ENTRY}"));
    let html = "<!doctype html><html><head><title>Director of Engineering</title></head><body>\
        <h1>Join us</h1><h2>The role</h2><ul><li>You will lead a department of 40 and manage our \
        engineering managers.</li><li>You own the budget &amp; set the function's strategy.</li>\
        <li>12+ years of experience in software engineering</li></ul></body></html>";
    write(&dir, "c/director.html", html);
    write(&dir, "c/notes.pdf", "not a posting");
    write(&dir, ".hidden/skip.txt", "Hidden\nnot read");
    let run = rung(&["audit", dir.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let objects = objects(&run);
    let titles: Vec<&str> = objects
        .iter()
        .map(|o| o["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Junior Data Analyst",
            "Graduate Trainee",
            "Director of Engineering"
        ]
    );
    assert!(objects[2]["id"]
        .as_str()
        .unwrap()
        .ends_with("director.html"));
    assert_eq!(objects[2]["experience"]["min_years"], 12.0);
}

#[test]
fn stdin_is_jsonl_unless_told() {
    let line = serde_json::json!({"id": "s1", "title": "Graduate", "description": ENTRY});
    let run = rung_with_stdin(&["audit", "-", "--format", "jsonl"], &format!("{line}\n"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(ids(&run), ["s1"]);
    let csv = format!("id,description\nc1,{}\n", quote(ENTRY));
    let run = rung_with_stdin(
        &["audit", "-", "--input-format", "csv", "--format", "jsonl"],
        &csv,
    );
    assert_eq!(ids(&run), ["c1"]);
}

#[test]
fn unreadable_paths_and_unknown_types_exit_2() {
    let run = rung(&["audit", "/nonexistent/jobs.csv"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("/nonexistent/jobs.csv"),
        "{}",
        run.stderr
    );
    let dir = scratch("unknown_type");
    let path = write(&dir, "jobs.xlsx", "binary");
    let run = rung(&["audit", path.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("unsupported file type"),
        "{}",
        run.stderr
    );
}

/// A real scrape (MIT, see corpora/SOURCES.md): pipe-delimited, multi-line quoted fields.
#[test]
fn real_pipe_delimited_sample_reads_without_rejects() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpora/en/linkedin-sample.csv"
    );
    let run = rung(&["audit", path, "--format", "jsonl"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ids = ids(&run);
    assert_eq!(ids.len(), 8);
    assert!(
        ids.iter().all(|id| id.starts_with("muabdalaleam-")),
        "{ids:?}"
    );
    assert!(run.stderr.contains("0 rejected (8 rows)"), "{}", run.stderr);
}
