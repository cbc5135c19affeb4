//! Reading postings: a single text or Markdown posting, and JSON Lines corpora.

mod jsonl;
mod text;

pub use jsonl::{read_jsonl, JsonlRecord};
pub use text::posting_from_text;

/// A row that could not be read, with where it was.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{location}: {message}")]
pub struct RowError {
    pub location: String,
    pub message: String,
}
