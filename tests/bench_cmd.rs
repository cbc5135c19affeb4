//! `rung bench` runs the audit path at one thread and at `--threads`, and reports every stage.

mod common;

use common::*;

#[test]
fn bench_reports_stages_threads_and_peak_memory() {
    let dir = scratch("bench_cmd");
    let line =
        |id: &str, text: &str| serde_json::json!({"id": id, "description": text}).to_string();
    let data = [
        line("a", JUNIOR_SEVEN),
        line("b", ENTRY),
        line("c", DIRECTOR),
    ]
    .join("\n");
    let path = write(&dir, "corpus.jsonl", &data);
    let run = rung(&["bench", path.to_str().unwrap(), "--threads", "2"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for want in [
        "1 thread: 3 postings (0 rejected)",
        "2 threads: 3 postings (0 rejected)",
        "read+parse",
        "language detection",
        "normalise",
        "phrases and regexes",
        "sentences and sections",
        "years grammar, experience",
        "other signals, score, findings",
        "serialise",
        "share",
        "postings/s",
    ] {
        assert!(
            run.stdout.contains(want),
            "{want:?} missing from:\n{}",
            run.stdout
        );
    }
    assert!(run.stdout.contains("read the file"), "{}", run.stdout);
    assert!(
        run.stdout.contains("rg -F -i -w --count-matches")
            || run.stdout.contains("ripgrep (rg) not found"),
        "{}",
        run.stdout
    );
    if cfg!(target_os = "linux") {
        assert!(run.stdout.contains("peak memory (VmHWM)"), "{}", run.stdout);
    }
}
