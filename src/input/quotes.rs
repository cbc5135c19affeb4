//! The csv crate forgives quoting mistakes by reading on: a quoted field that is never
//! closed swallows the rest of the file, and one closed by a stray quote swallows the rows
//! in between, all without an error. This watches the raw bytes the parser reads, with the
//! same grammar, and remembers where a quoted field ran over line ends and ended wrongly, so
//! the record holding it is rejected instead of silently eating rows.

use std::io::Read;

#[derive(Clone, Copy)]
enum State {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: an escaped quote, or the field's end.
    QuoteInQuoted,
}

/// A quoted field spanning lines that ended badly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Swallowed {
    /// The line the field opened on (1-based).
    pub opened: usize,
    /// The line where a stray quote closed it; `None` when it ran to the end of the input.
    pub closed: Option<usize>,
}

impl Swallowed {
    pub fn message(&self, last_line: usize) -> String {
        match self.closed {
            Some(closed) => format!(
                "the quoted field opened on line {} is closed by a stray quote on line {closed}: \
                 lines {} to {closed} were read as one field (check the quoting)",
                self.opened, self.opened
            ),
            None => format!(
                "the quoted field opened on line {} is never closed: lines {} to {last_line}, \
                 the rest of the file, were read as one field (check the quoting)",
                self.opened, self.opened
            ),
        }
    }
}

pub struct QuoteCheck<R> {
    inner: R,
    delimiter: u8,
    state: State,
    line: usize,
    opened: usize,
    last: u8,
    problems: Vec<Swallowed>,
}

impl<R: Read> QuoteCheck<R> {
    pub fn new(inner: R, delimiter: u8) -> QuoteCheck<R> {
        QuoteCheck {
            inner,
            delimiter,
            state: State::FieldStart,
            line: 1,
            opened: 1,
            last: b'\n',
            problems: Vec::new(),
        }
    }

    /// The last line the reader has read into.
    pub fn line(&self) -> usize {
        if self.last == b'\n' {
            self.line - 1
        } else {
            self.line
        }
    }

    /// The first problem in a field opened on lines `lines` (a record's), if any.
    pub fn problem_in(&self, lines: std::ops::Range<usize>) -> Option<Swallowed> {
        self.problems
            .iter()
            .find(|p| lines.contains(&p.opened))
            .copied()
    }

    fn step(&mut self, b: u8) {
        let d = self.delimiter;
        self.state = match (self.state, b) {
            (State::FieldStart, b'"') => {
                self.opened = self.line;
                State::Quoted
            }
            (State::FieldStart | State::Unquoted, b'\n' | b'\r') => State::FieldStart,
            (State::FieldStart | State::Unquoted, _) if b == d => State::FieldStart,
            (State::FieldStart | State::Unquoted, _) => State::Unquoted,
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::QuoteInQuoted, b'"') => State::Quoted,
            (State::QuoteInQuoted, b'\n' | b'\r') => State::FieldStart,
            (State::QuoteInQuoted, _) if b == d => State::FieldStart,
            (State::QuoteInQuoted, _) => {
                if self.opened < self.line {
                    self.problems.push(Swallowed {
                        opened: self.opened,
                        closed: Some(self.line),
                    });
                }
                State::Unquoted
            }
        };
        if b == b'\n' {
            self.line += 1;
        }
        self.last = b;
    }
}

impl<R: Read> Read for QuoteCheck<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n == 0 {
            if matches!(self.state, State::Quoted) && self.opened < self.line {
                self.problems.push(Swallowed {
                    opened: self.opened,
                    closed: None,
                });
                // Report it once.
                self.state = State::FieldStart;
            }
            return Ok(0);
        }
        for &b in &buf[..n] {
            self.step(b);
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(data: &str) -> Vec<Swallowed> {
        let mut check = QuoteCheck::new(data.as_bytes(), b',');
        std::io::copy(&mut check, &mut std::io::sink()).unwrap();
        check.problems
    }

    #[test]
    fn good_quoting_passes_and_bad_quoting_is_placed() {
        assert_eq!(problems("a,\"x\ny \"\"q\"\"\",b\nc,d\n"), []);
        assert_eq!(problems("a,\"x\"y,b\n"), [], "one line loses no rows");
        assert_eq!(
            problems("h\n\"open\nb\nc\n"),
            [Swallowed {
                opened: 2,
                closed: None
            }]
        );
        assert_eq!(
            problems("h\n\"open\nb,\"x\"\nc\n"),
            [Swallowed {
                opened: 2,
                closed: Some(3)
            }]
        );
    }
}
