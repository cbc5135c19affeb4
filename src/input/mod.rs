//! Reading postings: one posting a file (text, Markdown, HTML) or many a file (JSON Lines,
//! JSON arrays, CSV/TSV), and walking directories for them. Nothing here prints: a row that
//! cannot be read is a `RowError` in the stream, a file that cannot be read an `InputError`.

mod csv;
mod decode;
mod html;
mod json_array;
mod jsonl;
pub mod parts;
mod quotes;
mod text;
mod walk;

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

pub use self::csv::{read_csv, Columns};
pub use decode::{decode_text, utf16_bom, DecodeError};
pub use html::posting_from_html;
pub use json_array::read_json_array;
pub use jsonl::{
    read_jsonl, read_jsonl_lines, read_jsonl_lines_with, JsonlLine, JsonlRecord, ID_FIELDS,
    LEVEL_FIELDS, TEXT_FIELDS, TITLE_FIELDS,
};
pub use text::posting_from_text;
pub use walk::{collect_files, Found};

use crate::posting::Posting;

/// One posting, or why its row could not be read.
pub type Row = Result<Posting, RowError>;

/// A row that could not be read, with where it was.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{location}: {message}")]
pub struct RowError {
    pub location: String,
    pub message: String,
}

/// A file that cannot be read at all (missing, unsupported, a CSV without a text column).
#[derive(Debug, Clone, thiserror::Error)]
#[error("{name}: {message}")]
pub struct InputError {
    pub name: String,
    pub message: String,
}

impl InputError {
    pub fn new(name: impl Into<String>, message: impl Into<String>) -> InputError {
        InputError {
            name: name.into(),
            message: message.into(),
        }
    }
}

/// How a file holds its postings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// One JSON object a line (`.jsonl`, `.ndjson`).
    Jsonl,
    /// A JSON array of objects (`.json`).
    Json,
    /// Comma, semicolon, pipe or tab separated values with a header (`.csv`, `.tsv`).
    Csv,
    /// One posting, first line the title (`.txt`, `.md`, `.markdown`).
    Text,
    /// One posting as a web page (`.html`, `.htm`).
    Html,
}

impl InputFormat {
    /// The format a file's extension names, if rung reads it.
    pub fn from_path(path: &Path) -> Option<InputFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "jsonl" | "ndjson" => InputFormat::Jsonl,
            "json" => InputFormat::Json,
            "csv" | "tsv" | "psv" => InputFormat::Csv,
            "txt" | "md" | "markdown" => InputFormat::Text,
            "html" | "htm" => InputFormat::Html,
            _ => return None,
        })
    }
}

/// Why rung does not read a file of this type, with what to do about it.
pub fn unsupported(path: &Path) -> String {
    const READS: &str = ".jsonl, .ndjson, .json, .csv, .tsv, .txt, .md, .html or .htm";
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    let hint = match ext.as_deref() {
        Some("pdf") => "; convert it to text first (e.g. pdftotext FILE.pdf FILE.txt)",
        Some("docx" | "doc" | "odt" | "rtf") => {
            "; convert it to text first (e.g. pandoc FILE -t plain -o FILE.txt)"
        }
        _ => "",
    };
    match ext {
        Some(ext) => format!("unsupported file type .{ext} (rung reads {READS}){hint}"),
        None => format!("no file extension to tell its type (rung reads {READS})"),
    }
}

/// How to read tabular files; the defaults sniff the delimiter and find columns by name.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    pub delimiter: Option<u8>,
    pub columns: Columns,
}

/// The largest one-posting file (text, Markdown, HTML) read, in bytes; a bigger one is not
/// a job ad, and reading it whole would take memory in proportion.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// The postings of one input named `name` (a path, or `<stdin>`), lazily, in file order.
pub fn read_postings<'a, R: Read + Send + 'a>(
    name: &str,
    format: InputFormat,
    reader: R,
    options: &ReadOptions,
) -> Result<Box<dyn Iterator<Item = Row> + Send + 'a>, InputError> {
    let mut reader = BufReader::new(reader);
    let head = reader
        .fill_buf()
        .map_err(|e| InputError::new(name, e.to_string()))?;
    if format != InputFormat::Text && format != InputFormat::Html && utf16_bom(head).is_some() {
        return Err(InputError::new(
            name,
            "UTF-16 text (it starts with a UTF-16 byte-order mark); rung reads UTF-8 tables: \
             convert it first, e.g. iconv -f UTF-16 -t UTF-8",
        ));
    }
    Ok(match format {
        InputFormat::Jsonl => Box::new(
            read_jsonl_lines_with(name.to_string(), reader, &options.columns)
                .map(|line| line.and_then(|line| line.parse())),
        ),
        InputFormat::Json => Box::new(read_json_array(name, reader, &options.columns)),
        InputFormat::Csv => Box::new(read_csv(name, reader, options.delimiter, &options.columns)?),
        InputFormat::Text | InputFormat::Html => {
            let mut bytes = Vec::new();
            reader
                .take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| InputError::new(name, e.to_string()))?;
            Box::new(std::iter::once(whole_file(name, format, bytes)))
        }
    })
}

/// A posting on its way to a worker thread: read and parsed, or (JSON Lines) read only, to be
/// parsed by the worker.
#[derive(Debug)]
pub enum Pending {
    Row(Row),
    Line(JsonlLine),
}

impl Pending {
    pub fn into_row(self) -> Row {
        match self {
            Pending::Row(row) => row,
            Pending::Line(line) => line.parse(),
        }
    }
}

/// Like `read_postings`, but JSON Lines come unparsed, so that parsing runs in parallel.
pub fn read_pending<'a, R: Read + Send + 'a>(
    name: &str,
    format: InputFormat,
    reader: R,
    options: &ReadOptions,
) -> Result<Box<dyn Iterator<Item = Pending> + Send + 'a>, InputError> {
    Ok(match format {
        InputFormat::Jsonl => Box::new(
            read_jsonl_lines_with(
                name.to_string(),
                std::io::BufReader::new(reader),
                &options.columns,
            )
            .map(|line| match line {
                Ok(line) => Pending::Line(line),
                Err(e) => Pending::Row(Err(e)),
            }),
        ),
        _ => Box::new(read_postings(name, format, reader, options)?.map(Pending::Row)),
    })
}

fn whole_file(name: &str, format: InputFormat, bytes: Vec<u8>) -> Row {
    let err = |message: String| RowError {
        location: name.to_string(),
        message,
    };
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(err(format!(
            "larger than {} MiB, too large for one posting",
            MAX_FILE_BYTES >> 20
        )));
    }
    let text = decode_text(bytes).map_err(|e| RowError {
        location: e
            .line()
            .map_or_else(|| name.to_string(), |line| format!("{name}:{line}")),
        message: e.to_string(),
    })?;
    match format {
        InputFormat::Html => posting_from_html(name, &text).map_err(err),
        _ if text.trim().is_empty() => Err(err("the file is empty".into())),
        _ => Ok(posting_from_text(name, &text, None)),
    }
}
