//! Throughput on named inputs, in bytes per second. Each benchmark checks its answer so that
//! a fast wrong result is caught.
//!
//! - `short_posting`: one hand-written posting (600 bytes).
//! - `long_posting`: the same posting repeated to about 12 KB.
//! - `sample_batch`: the 200 real LinkedIn postings of `corpora/linkedin-muabdalaleam-sample.jsonl`
//!   (600 KB), parsed, analysed and rendered as `audit --format jsonl` does, on one thread.

use std::sync::LazyLock;

use divan::counter::BytesCount;
use divan::Bencher;
use rung::input::{read_jsonl_lines, JsonlLine};
use rung::report::json::write_jsonl;
use rung::{Analyzer, Posting};

fn main() {
    divan::main();
}

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(|| Analyzer::with_defaults().unwrap());

const SAMPLE: &str = include_str!("../corpora/linkedin-muabdalaleam-sample.jsonl");

fn short() -> Posting {
    let text = include_str!("../corpora/en/junior-with-seven-years.md");
    rung::input::posting_from_text("sample", text, None)
}

fn bytes(posting: &Posting) -> BytesCount {
    BytesCount::new(posting.description.len() + posting.title.len())
}

#[divan::bench]
fn short_posting(bencher: Bencher) {
    let posting = short();
    bencher.counter(bytes(&posting)).bench(|| {
        let a = ANALYZER.analyze(divan::black_box(&posting));
        assert_eq!(a.experience.min_years, Some(7.0));
        a
    });
}

#[divan::bench]
fn long_posting(bencher: Bencher) {
    let mut posting = short();
    posting.description = posting.description.repeat(20);
    bencher.counter(bytes(&posting)).bench(|| {
        let a = ANALYZER.analyze(divan::black_box(&posting));
        assert_eq!(a.experience.min_years, Some(7.0));
        a
    });
}

#[divan::bench]
fn sample_batch(bencher: Bencher) {
    let lines: Vec<JsonlLine> = read_jsonl_lines("sample", SAMPLE.as_bytes())
        .map(|l| l.unwrap())
        .collect();
    // Warm the per-language automata so that building them is not timed.
    let want = run(&lines);
    assert_eq!(want.0, 200);
    bencher
        .counter(BytesCount::new(SAMPLE.len()))
        .bench(|| assert_eq!(run(divan::black_box(&lines)), want));
}

/// Postings analysed, and how many of them imply a level: the answer to check.
fn run(lines: &[JsonlLine]) -> (usize, usize) {
    let mut out = Vec::new();
    let mut determined = 0;
    for line in lines {
        let analysis = ANALYZER.analyze(&line.parse().unwrap());
        determined += usize::from(analysis.implied_level.is_some());
        out.clear();
        write_jsonl(&mut out, &analysis).unwrap();
    }
    (lines.len(), determined)
}
