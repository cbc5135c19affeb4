//! Reporters: one writer per output format. `check` renders one posting with `human` and
//! `sarif`; `audit` streams postings through a `Reporter`.

pub mod csv;
pub mod html;
pub mod human;
pub mod json;
pub mod sarif;
pub mod summary;
pub mod summary_text;

use std::io;

use crate::posting::{Analysis, Posting};

/// A report written while postings stream past, in input order.
pub trait Reporter {
    /// Takes one posting and its analysis; streaming formats write it at once.
    fn add(&mut self, posting: &Posting, analysis: &Analysis) -> io::Result<()>;
    /// Counts a row that could not be read (reports that show totals need it).
    fn reject(&mut self) {}
    /// Writes whatever comes after the last posting, and flushes.
    fn finish(&mut self) -> io::Result<()>;
}
