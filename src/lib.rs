//! rung reads job postings and tells which rung of the career ladder each one really asks
//! for, shows the words that say so, and flags where the title and the requirements disagree.
//!
//! ```
//! use rung::{Analyzer, Posting};
//!
//! let analyzer = Analyzer::with_defaults().unwrap();
//! let posting = Posting::new(
//!     "example",
//!     "Junior Data Analyst",
//!     "Requirements:\n- 7+ years of experience in SQL reporting\n",
//! );
//! let analysis = analyzer.analyze(&posting);
//! assert_eq!(analysis.experience.min_years, Some(7.0));
//! assert!(analysis.findings.iter().any(|f| f.code == "title-below-requirements"));
//! ```
//!
//! The library never prints; the `rung` binary is a thin wrapper around it.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod analyzer;
pub mod clock;
pub mod doc;
pub mod eval;
pub mod findings;
pub mod fit;
pub mod input;
pub mod language;
pub mod level;
pub mod lexicon;
pub mod matcher;
pub mod pipeline;
pub mod posting;
pub mod report;
pub mod scorer;
pub mod signals;
pub mod text;
pub mod token;

pub use analyzer::Analyzer;
pub use level::{Band, Level};
pub use posting::{Analysis, Posting};

/// The rows of every JSON Lines corpus rung ships and, where the project's shared data sits
/// beside the repository, of all of it: what tests that compare two ways of reading a
/// posting run on.
#[cfg(test)]
pub(crate) fn every_jsonl_row() -> Vec<serde_json::Value> {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir("corpora")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.extend(
        std::fs::read_dir(shared)
            .into_iter()
            .flatten()
            .map(|e| e.unwrap().path()),
    );
    files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "jsonl"))
        .flat_map(|file| {
            let text = std::fs::read_to_string(file).unwrap();
            text.lines()
                .map(|line| serde_json::from_str(line).unwrap())
                .collect::<Vec<_>>()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn shared_types_are_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<crate::Analyzer>();
        assert_send_sync::<crate::Analysis>();
        assert_send_sync::<crate::Posting>();
        assert_send_sync::<crate::lexicon::Lexicon>();
    }
}
