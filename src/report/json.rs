//! JSON and JSON Lines: the output contract of SPEC.md, one object per posting.
//!
//! Stable fields: `id`, `title`, `title_level` (level or null), `implied_level` (level or
//! "undetermined"), `band` (junior | mid-senior | senior | null), `confidence` (0..1),
//! `experience` {min_years, max_years, preferred_years, mentions}, `degree` {level, required,
//! or_equivalent, enrolled_student, mentions}, `leadership` {the five booleans, mentions},
//! `autonomy` (high | low | null), `findings` [{code, severity, message, spans}]. Each mention
//! is a SPAN {field, start, end, line, column, text} with a few more keys of its own. Added
//! fields: `declared_level`, `evidence` [{level, weight, reason, spans}], `title_spans`.

use std::io::{self, Write};

use crate::posting::{Analysis, Posting};

pub fn write_jsonl<W: Write>(out: &mut W, analysis: &Analysis) -> io::Result<()> {
    serde_json::to_writer(&mut *out, analysis)?;
    out.write_all(b"\n")
}

pub fn write_pretty<W: Write>(out: &mut W, analysis: &Analysis) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, analysis)?;
    out.write_all(b"\n")
}

/// `--format jsonl`: each posting on its own line as soon as it is analysed.
pub struct JsonLines<W: Write>(pub W);

impl<W: Write> super::Reporter for JsonLines<W> {
    fn add(&mut self, _: &Posting, analysis: &Analysis) -> io::Result<()> {
        write_jsonl(&mut self.0, analysis)
    }
    fn finish(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// `--format json`: one array, streamed element by element.
pub struct JsonArray<W: Write> {
    out: W,
    written: usize,
}

impl<W: Write> JsonArray<W> {
    pub fn new(out: W) -> JsonArray<W> {
        JsonArray { out, written: 0 }
    }
}

impl<W: Write> super::Reporter for JsonArray<W> {
    fn add(&mut self, _: &Posting, analysis: &Analysis) -> io::Result<()> {
        self.out
            .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
        self.written += 1;
        serde_json::to_writer(&mut self.out, analysis)?;
        Ok(())
    }
    fn finish(&mut self) -> io::Result<()> {
        let end: &[u8] = if self.written == 0 { b"[]\n" } else { b"\n]\n" };
        self.out.write_all(end)?;
        self.out.flush()
    }
}
