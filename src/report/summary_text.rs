//! `--format summary`: the figures of a `Summary` as a plain-text report for a terminal.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::csv::band;
use super::summary::{Example, Summary, SLOTS};
use crate::level::Level;
use crate::posting::{Analysis, Posting};

/// Streams nothing; writes the whole summary at the end.
pub struct SummaryReport<W: Write> {
    out: W,
    pub summary: Summary,
}

impl<W: Write> SummaryReport<W> {
    pub fn new(out: W) -> SummaryReport<W> {
        SummaryReport {
            out,
            summary: Summary::new(),
        }
    }
}

impl<W: Write> super::Reporter for SummaryReport<W> {
    fn add(&mut self, _: &Posting, analysis: &Analysis) -> io::Result<()> {
        self.summary.add(analysis);
        Ok(())
    }
    fn reject(&mut self) {
        self.summary.reject();
    }
    fn finish(&mut self) -> io::Result<()> {
        self.out.write_all(render(&self.summary).as_bytes())?;
        self.out.flush()
    }
}

/// A level slot's name: the level, else `none_name`.
pub fn slot_name(slot: usize, none_name: &'static str) -> &'static str {
    Level::ALL.get(slot).map_or(none_name, |l| l.as_str())
}

pub fn render(s: &Summary) -> String {
    let mut out = String::new();
    let pct = |n: usize| Summary::percent(n, s.postings);
    let _ = writeln!(
        out,
        "rung audit: {} postings analysed, {} rejected\n",
        s.postings, s.rejected
    );
    let _ = writeln!(out, "Implied level      postings   share");
    for (slot, &n) in s.by_implied.iter().enumerate() {
        let name = slot_name(slot, "undetermined");
        let _ = writeln!(out, "  {name:<16}{n:>8}  {:>5.1}%", pct(n));
    }
    let bands: Vec<String> = s
        .by_band()
        .iter()
        .map(|(b, n)| {
            let name = b.map_or("undetermined", band);
            format!("{name} {n} ({:.1}%)", pct(*n))
        })
        .collect();
    let _ = writeln!(out, "Bands: {}\n", bands.join(", "));
    matrix(&mut out, s);
    findings(&mut out, s);
    examples(&mut out, "Worst postings", &s.worst, s.worst.len());
    let undetermined = s.by_implied[SLOTS - 1];
    examples(
        &mut out,
        "Undetermined postings",
        &s.undetermined,
        undetermined,
    );
    declared(&mut out, s);
    titles(&mut out, s);
    out
}

fn matrix(out: &mut String, s: &Summary) {
    let _ = writeln!(out, "Title level (rows) by implied level (columns)");
    let _ = write!(out, "  {:<12}", "");
    for col in 0..SLOTS {
        let _ = write!(out, "{:>7}", short(slot_name(col, "undet.")));
    }
    let _ = writeln!(out);
    for (row, counts) in s.matrix.iter().enumerate() {
        let _ = write!(out, "  {:<12}", slot_name(row, "no level"));
        for n in counts {
            let _ = write!(out, "{n:>7}");
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(out);
}

/// A level's name short enough for a terminal column or a chart axis.
pub fn short(name: &str) -> &str {
    match name {
        "internship" => "intern",
        "associate" => "assoc.",
        "mid-senior" => "mid-sr",
        "director" => "dir.",
        "executive" => "exec.",
        other => other,
    }
}

fn findings(out: &mut String, s: &Summary) {
    let _ = writeln!(
        out,
        "Findings: {} postings ({:.1}%) have at least one",
        s.postings_with_findings,
        Summary::percent(s.postings_with_findings, s.postings)
    );
    for (code, count) in s.codes_by_count() {
        let _ = writeln!(
            out,
            "  {:<28} {:<8}{:>8}  {:>5.1}%",
            code,
            count.severity.as_str(),
            count.postings,
            Summary::percent(count.postings, s.postings)
        );
    }
    let _ = writeln!(out);
}

fn examples(out: &mut String, heading: &str, list: &[Example], total: usize) {
    if list.is_empty() {
        return;
    }
    let shown = if list.len() < total {
        format!(" (first {} of {total})", list.len())
    } else {
        String::new()
    };
    let _ = writeln!(out, "{heading}{shown}");
    for e in list {
        let implied = e.implied.map_or("undetermined", Level::as_str);
        let _ = write!(out, "  {}  {:?}  {implied}", e.id, e.title);
        if !e.codes.is_empty() {
            let _ = write!(out, "  {}", e.codes.join(", "));
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(out);
}

fn declared(out: &mut String, s: &Summary) {
    if s.declared == 0 {
        return;
    }
    let _ = writeln!(
        out,
        "Declared level: {} postings; the implied level agrees exactly on {} ({:.1}%), within one rung on {} ({:.1}%)\n",
        s.declared,
        s.declared_exact,
        Summary::percent(s.declared_exact, s.declared),
        s.declared_within_one,
        Summary::percent(s.declared_within_one, s.declared)
    );
}

fn titles(out: &mut String, s: &Summary) {
    let list = s.inconsistent_titles();
    if list.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "Titles whose postings disagree (implied levels two or more rungs apart): {}",
        list.len()
    );
    for t in list.iter().take(super::summary::EXAMPLES) {
        let _ = writeln!(
            out,
            "  {:?} ({} postings): {} ({}) to {} ({})",
            t.title, t.postings, t.lowest.0, t.lowest.1, t.highest.0, t.highest.1
        );
    }
    let _ = writeln!(out);
}
