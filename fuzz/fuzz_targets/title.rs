//! The title parser alone: levels, false friends, brackets, numerals.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let title = String::from_utf8_lossy(data);
    common::analyze_and_check(&rung::Posting::new("fuzz", title, ""));
});
