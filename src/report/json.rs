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

use crate::posting::Analysis;

pub fn write_jsonl<W: Write>(out: &mut W, analysis: &Analysis) -> io::Result<()> {
    serde_json::to_writer(&mut *out, analysis)?;
    out.write_all(b"\n")
}

pub fn write_pretty<W: Write>(out: &mut W, analysis: &Analysis) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, analysis)?;
    out.write_all(b"\n")
}
