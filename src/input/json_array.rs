//! A JSON file holding an array of posting objects, read one element at a time so a large
//! array needs no more memory than its largest posting. Ids default to `path:line`, the line
//! on which the element starts.

use std::io::{BufRead, BufReader, Read};

use serde::Deserialize;
use serde_json::Value;

use super::jsonl::posting_from_object;
use super::{Columns, Row, RowError};

/// A buffered reader that knows the line it is on.
struct Lines<R> {
    inner: BufReader<R>,
    line: usize,
}

impl<R: Read> Read for Lines<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let n = {
            let available = self.inner.fill_buf()?;
            let n = available.len().min(out.len());
            out[..n].copy_from_slice(&available[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> Lines<R> {
    fn consume(&mut self, n: usize) {
        self.line += self.inner.buffer()[..n]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.inner.consume(n);
    }

    /// The next byte that is not white space, left unread.
    fn peek(&mut self) -> std::io::Result<Option<u8>> {
        loop {
            let available = self.inner.fill_buf()?;
            let Some(&b) = available.first() else {
                return Ok(None);
            };
            if !b.is_ascii_whitespace() {
                return Ok(Some(b));
            }
            self.consume(1);
        }
    }
}

/// Said when broken JSON ends a file, so that the rows not counted are not a surprise.
const UNREAD: &str = "the rest of the file cannot be read";

enum State {
    Start,
    Element,
    Done,
}

/// Reads `[{...}, {...}]`. A malformed element is one `RowError`; JSON broken beyond
/// repair (no way to find the next element) ends the file after one error.
pub fn read_json_array<'a, R: Read + 'a>(
    name: &str,
    reader: R,
    columns: &Columns,
) -> impl Iterator<Item = Row> + 'a {
    let name = name.to_string();
    let columns = columns.clone();
    let mut input = Lines {
        inner: BufReader::new(reader),
        line: 1,
    };
    let mut state = State::Start;
    std::iter::from_fn(move || next(&mut input, &mut state, &name, &columns))
}

fn next<R: Read>(
    input: &mut Lines<R>,
    state: &mut State,
    name: &str,
    columns: &Columns,
) -> Option<Row> {
    let fail = |line: usize, message: String| {
        Some(Err(RowError {
            location: format!("{name}:{line}"),
            message,
        }))
    };
    let peeked = input.peek();
    let peeked = match peeked {
        Ok(b) => b,
        Err(e) => return fail(input.line, e.to_string()),
    };
    match (&state, peeked) {
        (State::Done, _) => return None,
        (State::Start, Some(b'[')) => {
            input.consume(1);
            if let Ok(Some(b']')) = input.peek() {
                *state = State::Done;
                return None;
            }
            *state = State::Element;
        }
        (State::Start, _) => {
            *state = State::Done;
            return fail(input.line, "expected a JSON array of postings".into());
        }
        (State::Element, Some(b',')) => input.consume(1),
        (State::Element, Some(b']')) => {
            *state = State::Done;
            return None;
        }
        (State::Element, _) => {
            *state = State::Done;
            return fail(
                input.line,
                format!("expected , or ] after an element; {UNREAD}"),
            );
        }
    }
    let _ = input.peek();
    let line = input.line;
    let location = format!("{name}:{line}");
    let mut de = serde_json::Deserializer::from_reader(&mut *input);
    match Value::deserialize(&mut de) {
        Ok(Value::Object(object)) => Some(
            posting_from_object(&object, &location, columns)
                .map_err(|message| RowError { location, message }),
        ),
        Ok(_) => fail(line, "expected a posting object".into()),
        Err(e) => {
            *state = State::Done;
            fail(line, format!("invalid JSON: {e}; {UNREAD}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_elements_with_their_lines() {
        let data = "[\n  {\"title\": \"A\", \"description\": \"x\"},\n  {\"id\": \"b\"},\n  \
                    {\"description\": \"y\\nz\", \"label\": \"Director\"}\n]\n";
        let rows: Vec<Row> =
            read_json_array("a.json", data.as_bytes(), &Columns::default()).collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].as_ref().unwrap().id, "a.json:2");
        assert_eq!(rows[1].as_ref().unwrap_err().location, "a.json:3");
        assert_eq!(rows[2].as_ref().unwrap().id, "a.json:4");
        assert_eq!(
            read_json_array("e.json", "[ ]".as_bytes(), &Columns::default()).count(),
            0
        );
    }

    #[test]
    fn broken_json_ends_the_file_with_one_error() {
        let data = "[{\"description\": \"ok\"}, {\"description\": oops}, {\"description\": \"x\"}]";
        let rows: Vec<Row> =
            read_json_array("b.json", data.as_bytes(), &Columns::default()).collect();
        assert_eq!(rows.len(), 2);
        assert!(rows[1]
            .as_ref()
            .unwrap_err()
            .message
            .contains("invalid JSON"));
        let rows: Vec<Row> =
            read_json_array("c.json", "{}".as_bytes(), &Columns::default()).collect();
        assert_eq!(rows.len(), 1);
    }
}
