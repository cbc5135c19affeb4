//! The normaliser and its offset map: every normalised character range maps back to a
//! range of the original on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rung::text::{Normalized, Vocabulary};

struct Words;
impl Vocabulary for Words {
    fn is_term(&self, word: &str) -> bool {
        word == "javascript"
    }
    fn is_unit(&self, word: &str) -> bool {
        word == "years"
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let norm = Normalized::new(&text, &Words);
    let ends: Vec<usize> = norm
        .text
        .char_indices()
        .map(|(i, _)| i)
        .chain([norm.text.len()])
        .collect();
    for pair in ends.windows(2) {
        let r = norm.original_range(pair[0]..pair[1]);
        assert!(r.start <= r.end && r.end <= text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    }
});
