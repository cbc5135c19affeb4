//! `--format csv`: one row a posting, the figures a spreadsheet wants. Columns, in order:
//! id, title, title_level, implied_level, band, confidence, min_years, max_years,
//! degree_level, degree_required, people_management, mentoring, leads_work, strategy,
//! budget, autonomy, findings (codes joined by `;`), declared_level. Missing values are
//! empty cells; booleans are `true`/`false`.

use std::io::{self, Write};

use crate::level::Band;
use crate::posting::{Analysis, Autonomy, Posting};
use crate::scorer::fmt_years;

pub const HEADER: [&str; 18] = [
    "id",
    "title",
    "title_level",
    "implied_level",
    "band",
    "confidence",
    "min_years",
    "max_years",
    "degree_level",
    "degree_required",
    "people_management",
    "mentoring",
    "leads_work",
    "strategy",
    "budget",
    "autonomy",
    "findings",
    "declared_level",
];

pub struct CsvReport<W: Write> {
    out: csv::Writer<W>,
    header_written: bool,
}

impl<W: Write> CsvReport<W> {
    pub fn new(out: W) -> CsvReport<W> {
        CsvReport {
            out: csv::Writer::from_writer(out),
            header_written: false,
        }
    }
}

impl<W: Write> super::Reporter for CsvReport<W> {
    fn add(&mut self, _: &Posting, a: &Analysis) -> io::Result<()> {
        if !self.header_written {
            self.out.write_record(HEADER).map_err(io_error)?;
            self.header_written = true;
        }
        self.out.write_record(row(a)).map_err(io_error)
    }

    fn finish(&mut self) -> io::Result<()> {
        if !self.header_written {
            self.out.write_record(HEADER).map_err(io_error)?;
            self.header_written = true;
        }
        self.out.flush()
    }
}

/// Keeps the I/O error itself, so that a closed pipe is still seen as one.
fn io_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

fn row(a: &Analysis) -> [String; 18] {
    let years = |y: Option<f64>| y.map(fmt_years).unwrap_or_default();
    let flag = |b: bool| b.to_string();
    let lead = &a.leadership;
    let mut codes: Vec<&str> = a.findings.iter().map(|f| f.code).collect();
    codes.dedup();
    [
        a.id.clone(),
        a.title.clone(),
        a.title_level.map(|l| l.to_string()).unwrap_or_default(),
        a.implied_level
            .map_or("undetermined".to_string(), |l| l.to_string()),
        a.band.map(band).unwrap_or_default().to_string(),
        format!("{:.2}", a.confidence),
        years(a.experience.min_years),
        years(a.experience.max_years),
        a.degree.level.unwrap_or_default().to_string(),
        a.degree.required.map(flag).unwrap_or_default(),
        flag(lead.people_management),
        flag(lead.mentoring),
        flag(lead.leads_work),
        flag(lead.strategy),
        flag(lead.budget),
        match a.autonomy {
            Some(Autonomy::High) => "high",
            Some(Autonomy::Low) => "low",
            None => "",
        }
        .to_string(),
        codes.join(";"),
        a.declared_level.map(|l| l.to_string()).unwrap_or_default(),
    ]
}

/// A band's wire name, as in the JSON output.
pub fn band(b: Band) -> &'static str {
    match b {
        Band::Junior => "junior",
        Band::MidSenior => "mid-senior",
        Band::Senior => "senior",
    }
}
