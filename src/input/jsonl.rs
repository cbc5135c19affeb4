//! JSON Lines: one posting object a line. Field names follow the common scraped schemas.

use std::io::{BufRead, Read};

use serde_json::Value;

use super::parts::{self, AFTER_TEXT, BEFORE_TEXT};
use super::{Columns, RowError};
use crate::level::Level;
use crate::posting::Posting;

pub const ID_FIELDS: &[&str] = &["id", "job_id", "job_url", "url"];
pub const TITLE_FIELDS: &[&str] = &["title", "job_title", "posting_title"];
pub const TEXT_FIELDS: &[&str] = &[
    "description",
    "job_description",
    "jobDescription",
    "job_details",
    "text",
];
pub const LEVEL_FIELDS: &[&str] = &[
    "seniority",
    "seniority_level",
    "formatted_experience_level",
    "experience_level",
    "job_level",
    "label",
];

/// One line of a JSONL file: the posting, and the whole object for callers that need more
/// (gold annotations).
pub struct JsonlRecord {
    pub posting: Posting,
    pub object: serde_json::Map<String, Value>,
}

/// Reads JSON Lines; each broken line becomes an error with `name:line`, the rest go on.
pub fn read_jsonl<R: BufRead>(
    name: impl Into<String>,
    reader: R,
) -> impl Iterator<Item = Result<JsonlRecord, RowError>> {
    read_jsonl_lines(name, reader).map(|line| {
        line.and_then(|line| parse_line(line.text.trim(), &line.location, &line.columns))
    })
}

/// One line of a JSON Lines input, read but not yet parsed, so that parsing can run on the
/// worker threads while one thread reads.
#[derive(Debug, Clone)]
pub struct JsonlLine {
    /// `name:line`, the posting's id when it has none of its own.
    pub location: String,
    /// The line as read, valid UTF-8, not blank.
    pub text: String,
    /// The fields chosen by the caller (`--text-col`...), shared by every line.
    columns: std::sync::Arc<Columns>,
}

impl JsonlLine {
    /// A line read elsewhere (a Python string), read with the usual field names.
    pub fn new(location: impl Into<String>, text: impl Into<String>) -> JsonlLine {
        JsonlLine {
            location: location.into(),
            text: text.into(),
            columns: std::sync::Arc::new(Columns::default()),
        }
    }

    /// Parses the line into a posting, exactly as `read_jsonl` does.
    pub fn parse(&self) -> Result<Posting, RowError> {
        parse_line(self.text.trim(), &self.location, &self.columns).map(|record| record.posting)
    }
}

/// Reads JSON Lines without parsing them: blank lines are skipped, a line that cannot be read
/// or is not UTF-8 becomes an error with `name:line`, as in `read_jsonl`.
pub fn read_jsonl_lines<R: BufRead>(
    name: impl Into<String>,
    reader: R,
) -> impl Iterator<Item = Result<JsonlLine, RowError>> {
    read_jsonl_lines_with(name, reader, &Columns::default())
}

/// `read_jsonl_lines` with fields chosen by the caller, as CSV columns are.
pub fn read_jsonl_lines_with<R: BufRead>(
    name: impl Into<String>,
    reader: R,
    columns: &Columns,
) -> impl Iterator<Item = Result<JsonlLine, RowError>> {
    let columns = std::sync::Arc::new(columns.clone());
    let name = name.into();
    let mut reader = reader;
    let mut line_no = 0;
    std::iter::from_fn(move || loop {
        let mut buf = Vec::new();
        line_no += 1;
        let location = format!("{name}:{line_no}");
        match read_line(&mut reader, &mut buf, MAX_LINE_BYTES) {
            Ok(Line::End) => return None,
            Ok(Line::Read) => {}
            Ok(Line::TooLong(len)) => {
                return Some(Err(RowError {
                    location,
                    message: format!(
                        "line of {len} bytes, longer than the {} MiB a posting may take",
                        MAX_LINE_BYTES >> 20
                    ),
                }))
            }
            Err(e) => {
                return Some(Err(RowError {
                    location,
                    message: e.to_string(),
                }))
            }
        }
        let text = match String::from_utf8(buf) {
            Ok(text) => text,
            Err(e) => {
                return Some(Err(RowError {
                    location,
                    message: format!("invalid UTF-8: {}", e.utf8_error()),
                }))
            }
        };
        if text.trim().is_empty() {
            continue;
        }
        return Some(Ok(JsonlLine {
            location,
            text,
            columns: columns.clone(),
        }));
    })
}

/// The longest line read, in bytes: a line longer than this is skipped (it is not held in
/// memory), so a file without newlines cannot exhaust memory.
pub const MAX_LINE_BYTES: usize = 64 << 20;

enum Line {
    Read,
    End,
    /// A line longer than `MAX_LINE_BYTES`, skipped: its length.
    TooLong(usize),
}

fn read_line<R: BufRead>(reader: &mut R, buf: &mut Vec<u8>, max: usize) -> std::io::Result<Line> {
    let n = reader
        .by_ref()
        .take(max as u64 + 1)
        .read_until(b'\n', buf)?;
    if n == 0 {
        return Ok(Line::End);
    }
    if n <= max || buf.ends_with(b"\n") {
        return Ok(Line::Read);
    }
    buf.clear();
    let mut len = n;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            break;
        }
        match available.iter().position(|&b| b == b'\n') {
            Some(i) => {
                len += i + 1;
                reader.consume(i + 1);
                break;
            }
            None => {
                let all = available.len();
                len += all;
                reader.consume(all);
            }
        }
    }
    Ok(Line::TooLong(len))
}

fn parse_line(line: &str, location: &str, columns: &Columns) -> Result<JsonlRecord, RowError> {
    let err = |message: String| RowError {
        location: location.to_string(),
        message,
    };
    let value: Value = serde_json::from_str(line).map_err(|e| err(format!("invalid JSON: {e}")))?;
    let Value::Object(object) = value else {
        return Err(err("expected a JSON object per line".into()));
    };
    let posting = posting_from_object(&object, location, columns).map_err(err)?;
    Ok(JsonlRecord { posting, object })
}

/// Builds a posting from a JSON object by the usual field names, or those in `columns`
/// (matched exactly, else without case or punctuation as CSV columns are).
pub fn posting_from_object(
    object: &serde_json::Map<String, Value>,
    location: &str,
    columns: &Columns,
) -> Result<Posting, String> {
    let string = |name: &str| match object.get(name) {
        Some(Value::String(s)) => Some(s.as_str()),
        _ => None,
    };
    // Numbers are read as their digits (ids); they are no posting text.
    let field = |names: &[&str]| -> Result<Option<String>, String> {
        for name in names {
            match object.get(*name) {
                None | Some(Value::Null) => continue,
                Some(Value::String(s)) => return Ok(Some(s.clone())),
                Some(Value::Number(n)) => return Ok(Some(n.to_string())),
                Some(other) => {
                    return Err(format!(
                        "field {name:?} should be a string, found {}",
                        kind(other)
                    ))
                }
            }
        }
        Ok(None)
    };
    // The key a chosen name stands for: itself, else the one equal without case or
    // punctuation.
    let chosen_key = |name: &str| -> Option<String> {
        if object.contains_key(name) {
            return Some(name.to_string());
        }
        let wanted = parts::key(name);
        object.keys().find(|k| parts::key(k) == wanted).cloned()
    };
    let pick = |chosen: &Option<String>, usual: &[&str]| -> Result<Option<String>, String> {
        match chosen {
            Some(name) => match chosen_key(name) {
                Some(key) => field(&[key.as_str()]),
                None => Ok(None),
            },
            None => field(usual),
        }
    };
    let description;
    let text = if columns.text.is_empty() {
        description = field(TEXT_FIELDS)?;
        let text_name = TEXT_FIELDS
            .iter()
            .find(|n| matches!(object.get(**n), Some(Value::String(_) | Value::Number(_))));
        // A well-known part field that holds no string (a list of perks) is not read.
        let found = |names: &[&'static str]| -> Vec<(&str, &str)> {
            names
                .iter()
                .filter_map(|name| Some((*name, string(name)?)))
                .collect()
        };
        parts::found(
            text_name.copied().zip(description.as_deref()),
            found(BEFORE_TEXT),
            found(AFTER_TEXT),
        )
    } else {
        let mut chosen = Vec::new();
        for name in &columns.text {
            let (key, value) = chosen_key(name)
                .and_then(|key| object.get_key_value(&key))
                .ok_or_else(|| format!("no field {name:?} for the posting text"))?;
            let text = match value {
                Value::Null => "",
                Value::String(s) => s.as_str(),
                other => {
                    return Err(format!(
                        "field {key:?} should be a string, found {}",
                        kind(other)
                    ))
                }
            };
            chosen.push((key.as_str(), text));
        }
        parts::chosen(chosen)
    };
    let text = text.ok_or_else(|| {
        if columns.text.is_empty() {
            format!(
                "no posting text (one of the fields {})",
                TEXT_FIELDS.join(", ")
            )
        } else {
            format!("the fields {} are empty", columns.text.join(", "))
        }
    })?;
    let id = pick(&columns.id, ID_FIELDS)?.unwrap_or_else(|| location.to_string());
    let title = pick(&columns.title, TITLE_FIELDS)?.unwrap_or_default();
    Ok(Posting {
        declared: pick(&columns.level, LEVEL_FIELDS)?
            .as_deref()
            .and_then(Level::parse),
        ..text.posting(&id, &title)
    })
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_lines_are_reported_and_the_rest_read() {
        let data = "{\"id\":\"a\",\"title\":\"T\",\"description\":\"d\",\"label\":\"Entry level\"}\nnot json\n[1]\n\n{\"id\":7,\"description\":\"x\"}\n";
        let rows: Vec<_> = read_jsonl("f.jsonl", data.as_bytes()).collect();
        assert_eq!(rows.len(), 4);
        let first = rows[0].as_ref().unwrap();
        assert_eq!(first.posting.declared, Some(Level::Entry));
        assert_eq!(rows[1].as_ref().err().unwrap().location, "f.jsonl:2");
        assert!(rows[2].as_ref().err().unwrap().message.contains("object"));
        assert_eq!(rows[3].as_ref().unwrap().posting.id, "7");
    }

    #[test]
    fn unparsed_lines_parse_as_read_jsonl_reads() {
        let data: &[u8] = b"{\"id\":\"a\",\"description\":\"d\"}\n \nnot json\n\xff\n[1]\n{\"id\":7,\"description\":\"x\"}";
        let want: Vec<String> = read_jsonl("f", data)
            .map(|r| format!("{:?}", r.map(|rec| rec.posting)))
            .collect();
        let got: Vec<String> = read_jsonl_lines("f", data)
            .map(|r| format!("{:?}", r.and_then(|line| line.parse())))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn overlong_lines_are_skipped_without_losing_the_next() {
        let mut data =
            std::io::BufReader::with_capacity(4, "ab\nabcdefghij\nxy\nabcdefgh".as_bytes());
        let mut buf = Vec::new();
        let mut lines = Vec::new();
        loop {
            buf.clear();
            match read_line(&mut data, &mut buf, 5).unwrap() {
                Line::End => break,
                Line::Read => lines.push(String::from_utf8(buf.clone()).unwrap()),
                Line::TooLong(n) => lines.push(format!("too long: {n}")),
            }
        }
        assert_eq!(lines, ["ab\n", "too long: 11", "xy\n", "too long: 8"]);
    }
}
