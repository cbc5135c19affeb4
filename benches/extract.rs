//! Extractor throughput on shipped samples, in bytes per second. Each benchmark checks its
//! answer so that a fast wrong result is caught.

use divan::counter::BytesCount;
use divan::Bencher;
use rung::{Analyzer, Posting};

fn main() {
    divan::main();
}

fn sample() -> Posting {
    let text = include_str!("../corpora/en/junior-with-seven-years.md");
    rung::input::posting_from_text("sample", text, None)
}

#[divan::bench]
fn short_posting(bencher: Bencher) {
    let analyzer = Analyzer::with_defaults().unwrap();
    let posting = sample();
    bencher
        .counter(BytesCount::new(
            posting.description.len() + posting.title.len(),
        ))
        .bench(|| {
            let a = analyzer.analyze(divan::black_box(&posting));
            assert_eq!(a.experience.min_years, Some(7.0));
            a
        });
}

#[divan::bench]
fn long_posting(bencher: Bencher) {
    let analyzer = Analyzer::with_defaults().unwrap();
    let mut posting = sample();
    posting.description = posting.description.repeat(20);
    bencher
        .counter(BytesCount::new(
            posting.description.len() + posting.title.len(),
        ))
        .bench(|| {
            let a = analyzer.analyze(divan::black_box(&posting));
            assert_eq!(a.experience.min_years, Some(7.0));
            a
        });
}
