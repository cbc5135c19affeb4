//! The whole analysis (years and degree grammars, scorer, findings) of a description.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // The first line is the title, as in a text file.
    let (title, description) = text.split_once('\n').unwrap_or(("", &text));
    common::analyze_and_check(&rung::Posting::new("fuzz", title, description));
});
