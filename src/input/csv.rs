//! CSV and TSV postings with a header row. The delimiter is sniffed from the header (`,` `;`
//! `|` or tab) unless given; quoted fields may span lines; a UTF-8 BOM is skipped. Columns
//! are found by the common names of scraped schemas (the lists in `jsonl.rs` and
//! `parts.rs`) compared without case or punctuation ("Job Title" finds `job_title`), or
//! named by the caller. A posting kept in several columns is read as parts (`parts.rs`).

use std::io::{BufRead, BufReader, Read};

use super::jsonl::{ID_FIELDS, LEVEL_FIELDS, TEXT_FIELDS, TITLE_FIELDS};
use super::parts::{self, AFTER_TEXT, BEFORE_TEXT};
use super::quotes::QuoteCheck;
use super::{InputError, Row, RowError};
use crate::level::Level;
use crate::posting::Posting;

/// Column names chosen by the user (CSV columns, JSON fields); `None` (no `text`) means
/// "find it by its usual names".
#[derive(Clone, Debug, Default)]
pub struct Columns {
    pub title: Option<String>,
    /// The posting text: one column, or several read as the posting's parts, in order.
    pub text: Vec<String>,
    pub id: Option<String>,
    pub level: Option<String>,
}

/// Where each field of a posting sits in a record.
struct Layout {
    title: Option<usize>,
    text: TextLayout,
    id: Option<usize>,
    level: Option<usize>,
}

/// Where the posting text is: the columns named by `--text-col` (index, header), or the
/// text column and the part columns around it found by their names.
enum TextLayout {
    Chosen(Vec<(usize, String)>),
    Found {
        text: Option<(usize, String)>,
        before: Vec<(usize, String)>,
        after: Vec<(usize, String)>,
    },
}

/// The delimiters tried, in the order that breaks ties.
const DELIMITERS: [u8; 4] = [b',', b'\t', b';', b'|'];

/// Sniffing looks at the start of the input only, so the header must fit in this.
const SNIFF_BYTES: usize = 1 << 16;

/// Reads a CSV/TSV file. A bad header (no text column, an unknown `--*-col`) is an error
/// for the whole file; a bad record is one `RowError` and the records after it are read.
pub fn read_csv<'a, R: Read + 'a>(
    name: &str,
    reader: R,
    delimiter: Option<u8>,
    columns: &Columns,
) -> Result<impl Iterator<Item = Row> + 'a, InputError> {
    let io_err = |e: std::io::Error| InputError::new(name, e.to_string());
    let mut buffered = BufReader::with_capacity(SNIFF_BYTES, reader);
    let head = buffered.fill_buf().map_err(io_err)?;
    let bom = head.starts_with(b"\xEF\xBB\xBF");
    let delimiter = delimiter.unwrap_or_else(|| sniff(&head[if bom { 3 } else { 0 }..]));
    if bom {
        buffered.consume(3);
    }
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .from_reader(QuoteCheck::new(buffered, delimiter));
    let header = csv
        .byte_headers()
        .map_err(|e| InputError::new(name, format!("cannot read the header: {e}")))?;
    let header: Vec<String> = header
        .iter()
        .map(|h| String::from_utf8_lossy(h).trim().to_string())
        .collect();
    let layout = layout(&header, columns).map_err(|m| InputError::new(name, m))?;
    Ok(records(name.to_string(), csv, layout))
}

fn records<R: Read>(
    name: String,
    mut csv: csv::Reader<QuoteCheck<R>>,
    layout: Layout,
) -> impl Iterator<Item = Row> {
    let mut record = csv::ByteRecord::new();
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        match csv.read_byte_record(&mut record) {
            Ok(false) => None,
            Ok(true) => {
                let line = record.position().map_or(0, |p| p.line() as usize);
                let location = format!("{name}:{line}");
                if let Some(message) = swallowed(&csv, line) {
                    return Some(Err(RowError { location, message }));
                }
                Some(posting(&record, &layout, &location))
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                // Only I/O errors leave the reader unable to go on.
                done = matches!(e.kind(), csv::ErrorKind::Io(_));
                Some(Err(RowError {
                    location: format!("{name}:{line}"),
                    message: swallowed(&csv, line).unwrap_or_else(|| csv_message(&e)),
                }))
            }
        }
    })
}

/// Why the record that started on `line` (and ends where the parser stands) is not one row.
fn swallowed<R: Read>(csv: &csv::Reader<QuoteCheck<R>>, line: usize) -> Option<String> {
    let end = csv.position().line() as usize;
    let check = csv.get_ref();
    check
        .problem_in(line..end.max(line + 1))
        .map(|p| p.message(check.line()))
}

fn csv_message(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!(
            "{len} fields where the header has {expected_len} (a stray quote or delimiter?)"
        ),
        _ => e.to_string(),
    }
}

fn posting<'r, 'l>(record: &'r csv::ByteRecord, layout: &'l Layout, location: &str) -> Row {
    let err = |message: String| RowError {
        location: location.to_string(),
        message,
    };
    let field = |index: Option<usize>| -> Result<Option<&'r str>, RowError> {
        let Some(bytes) = index.and_then(|i| record.get(i)) else {
            return Ok(None);
        };
        std::str::from_utf8(bytes)
            .map(|s| Some(s.trim()).filter(|s| !s.is_empty()))
            .map_err(|e| {
                err(format!(
                    "invalid UTF-8 in field {}: {e}",
                    index.unwrap_or(0) + 1
                ))
            })
    };
    let read = |columns: &'l [(usize, String)]| -> Result<Vec<(&'l str, &'r str)>, RowError> {
        columns
            .iter()
            .map(|(i, name)| Ok((name.as_str(), field(Some(*i))?.unwrap_or_default())))
            .collect()
    };
    let text = match &layout.text {
        TextLayout::Chosen(columns) => parts::chosen(read(columns)?),
        TextLayout::Found {
            text,
            before,
            after,
        } => parts::found(
            match text {
                Some((i, name)) => field(Some(*i))?.map(|t| (name.as_str(), t)),
                None => None,
            },
            read(before)?,
            read(after)?,
        ),
    }
    .ok_or_else(|| err("the text column is empty".into()))?;
    Ok(Posting {
        declared: field(layout.level)?.and_then(Level::parse),
        ..text.posting(
            field(layout.id)?.unwrap_or(location),
            field(layout.title)?.unwrap_or_default(),
        )
    })
}

/// The delimiter that occurs most often, outside quotes, on the header line.
fn sniff(head: &[u8]) -> u8 {
    let mut counts = [0usize; DELIMITERS.len()];
    let mut quoted = false;
    for &b in head {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                if let Some(i) = DELIMITERS.iter().position(|&d| d == b) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    let best = (0..DELIMITERS.len())
        .rev()
        .max_by_key(|&i| counts[i])
        .unwrap_or(0);
    DELIMITERS[best]
}

fn layout(header: &[String], columns: &Columns) -> Result<Layout, String> {
    let find = |chosen: &Option<String>, usual: &[&str], what: &str| match chosen {
        Some(name) => column(header, &[name.as_str()])
            .map(Some)
            .ok_or_else(|| format!("no column {name:?} for {what}; {}", listing(header))),
        None => Ok(column(header, usual)),
    };
    let named = |i: usize| (i, header[i].clone());
    let text = if columns.text.is_empty() {
        let found = |names: &[&str]| -> Vec<(usize, String)> {
            names
                .iter()
                .filter_map(|n| column(header, &[n]))
                .map(named)
                .collect()
        };
        let text = column(header, TEXT_FIELDS).map(named);
        let (before, after) = (found(BEFORE_TEXT), found(AFTER_TEXT));
        if text.is_none() && before.is_empty() && after.is_empty() {
            return Err(format!(
                "no posting text column (one of {}; or name it with --text-col); {}",
                TEXT_FIELDS.join(", "),
                listing(header)
            ));
        }
        TextLayout::Found {
            text,
            before,
            after,
        }
    } else {
        let mut chosen = Vec::new();
        for name in &columns.text {
            let i = column(header, &[name.as_str()]).ok_or_else(|| {
                format!(
                    "no column {name:?} for the posting text; {}",
                    listing(header)
                )
            })?;
            chosen.push(named(i));
        }
        TextLayout::Chosen(chosen)
    };
    Ok(Layout {
        title: find(&columns.title, TITLE_FIELDS, "the title")?,
        text,
        id: find(&columns.id, ID_FIELDS, "the id")?,
        level: find(&columns.level, LEVEL_FIELDS, "the declared level")?,
    })
}

fn listing(header: &[String]) -> String {
    format!("the header is: {}", header.join(", "))
}

/// The first of `names` the header holds: exactly, else ignoring case and punctuation.
fn column(header: &[String], names: &[&str]) -> Option<usize> {
    let key = parts::key;
    names.iter().find_map(|name| {
        header.iter().position(|h| h == name).or_else(|| {
            let wanted = key(name);
            header.iter().position(|h| key(h) == wanted)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(data: &str, columns: &Columns) -> Result<Vec<Row>, InputError> {
        read_csv("f.csv", data.as_bytes(), None, columns).map(Iterator::collect)
    }

    #[test]
    fn sniffs_delimiters_outside_quotes() {
        assert_eq!(sniff(b"id;title;\"a,b,c\"\n1,2,3,4"), b';');
        assert_eq!(sniff(b"id|title|description\n"), b'|');
        assert_eq!(sniff(b"id\ttitle\tdescription"), b'\t');
        assert_eq!(sniff(b"description"), b',');
    }

    #[test]
    fn multi_line_fields_bom_and_row_lines() {
        let data = "\u{feff}Job Title;jobDescription;Seniority level\n\
                    Analyst;\"Line one;\nline \"\"two\"\"\";Entry level\n\
                    Nurse;Care;Director\n";
        let rows = read(data, &Columns::default()).unwrap();
        let first = rows[0].as_ref().unwrap();
        assert_eq!(first.title, "Analyst");
        assert_eq!(first.description, "Line one;\nline \"two\"");
        assert_eq!(first.declared, Some(Level::Entry));
        assert_eq!(first.id, "f.csv:2");
        assert_eq!(rows[1].as_ref().unwrap().id, "f.csv:4");
    }

    #[test]
    fn bad_rows_are_rejected_and_reading_goes_on() {
        let data = "id,description\na,fine\nb,too,many\nc,\"\"\nd,also fine\n";
        let rows = read(data, &Columns::default()).unwrap();
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[1].as_ref().unwrap_err().location, "f.csv:3");
        assert!(rows[2].as_ref().unwrap_err().message.contains("empty"));
        assert_eq!(rows[3].as_ref().unwrap().id, "d");
    }

    #[test]
    fn invalid_utf8_rejects_the_row_only() {
        let data: &[u8] = b"id,description\na,Caf\xe9\nb,fine\n";
        let rows: Vec<Row> = read_csv("f.csv", data, None, &Columns::default())
            .unwrap()
            .collect();
        let err = rows[0].as_ref().unwrap_err();
        assert_eq!(err.location, "f.csv:2");
        assert!(err.message.contains("invalid UTF-8"), "{}", err.message);
        assert_eq!(rows[1].as_ref().unwrap().id, "b");
    }

    #[test]
    fn unknown_columns_name_the_file_and_list_the_header() {
        let columns = Columns {
            title: Some("headline".into()),
            ..Columns::default()
        };
        let err = read("id,description\n", &columns)
            .err()
            .unwrap()
            .to_string();
        assert!(err.starts_with("f.csv: no column \"headline\""), "{err}");
        assert!(err.contains("id, description"), "{err}");
        let err = read("id,body\n", &Columns::default()).err().unwrap();
        assert!(err.to_string().contains("--text-col"));
    }
}
