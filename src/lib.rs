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
