//! The input readers: the first byte picks CSV, JSONL, JSON, text or HTML, the rest is the
//! file. Every posting read must analyse, and reading must end.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use rung::input::{read_postings, InputFormat, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, file)) = data.split_first() else {
        return;
    };
    let format = match pick % 5 {
        0 => InputFormat::Csv,
        1 => InputFormat::Jsonl,
        2 => InputFormat::Json,
        3 => InputFormat::Text,
        _ => InputFormat::Html,
    };
    if let Ok(rows) = read_postings("fuzz", format, file, &ReadOptions::default()) {
        // A reader yields at most one row per input byte, plus one.
        let mut count = 0;
        for row in rows {
            count += 1;
            assert!(count <= file.len() + 1, "the reader does not end");
            if let Ok(posting) = row {
                common::analyze_and_check(&posting);
            }
        }
    }
});
