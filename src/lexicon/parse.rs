//! The lexicon file parser: one entry a line, every problem reported with file and line.

use std::collections::HashMap;

use super::{Category, Entry, Pattern, ValueKind};
use crate::level::Level;

/// Longest phrase accepted, in bytes: longer ones are mistakes, and keep the phrase tries small.
const MAX_PHRASE_BYTES: usize = 200;
/// Longest regular expression accepted, in bytes.
const MAX_REGEX_BYTES: usize = 1000;
/// Most entries one file may hold.
const MAX_ENTRIES: usize = 100_000;

#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{path}:{line}: {message}")]
    Line {
        path: String,
        line: usize,
        message: String,
    },
    #[error("{path}: {message}")]
    Io { path: String, message: String },
}

pub const HEADER: &str = "phrase\tsignal\tvalue\tnote";

/// Parses one lexicon file's text.
pub fn parse_file(
    lang: &str,
    category: Category,
    path: &str,
    text: &str,
) -> Result<Vec<Entry>, LexiconError> {
    let err = |line: usize, message: String| LexiconError::Line {
        path: path.to_string(),
        line,
        message,
    };
    let mut entries: Vec<Entry> = Vec::new();
    // An exact repeat is a copy-paste slip; the same phrase and signal with another value
    // is not (a "preferred" marker may look both before and after).
    let mut lines_of: HashMap<(String, String, String), usize> = HashMap::new();
    let mut seen_header = false;
    for (index, raw) in text.lines().enumerate() {
        let line_no = index + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !seen_header {
            if line != HEADER {
                return Err(err(line_no, format!("expected the header line {HEADER:?}")));
            }
            seen_header = true;
            continue;
        }
        if entries.len() >= MAX_ENTRIES {
            return Err(err(line_no, format!("more than {MAX_ENTRIES} entries")));
        }
        let entry = parse_line(lang, category, line).map_err(|m| err(line_no, m))?;
        let key = (
            entry.pattern.as_written(),
            entry.signal.clone(),
            entry.value.clone(),
        );
        if let Some(first) = lines_of.insert(key, line_no) {
            return Err(err(
                line_no,
                format!(
                    "duplicate entry: {:?} {} {} is already on line {first}",
                    entry.pattern.as_written(),
                    entry.signal,
                    entry.value
                ),
            ));
        }
        entries.push(entry.with_origin(format!("{path}:{line_no}")));
    }
    if !seen_header {
        return Err(err(
            1,
            format!("empty file: expected the header line {HEADER:?}"),
        ));
    }
    Ok(entries)
}

impl Entry {
    fn with_origin(mut self, origin: String) -> Entry {
        self.origin = origin;
        self
    }
}

fn parse_line(lang: &str, category: Category, line: &str) -> Result<Entry, String> {
    let fields: Vec<&str> = line.split('\t').collect();
    if fields.len() < 3 || fields.len() > 4 {
        return Err(format!(
            "expected 3 or 4 tab-separated fields (phrase, signal, value, note), found {}",
            fields.len()
        ));
    }
    let pattern = parse_pattern(fields[0])?;
    let signal = fields[1].trim();
    let value = fields[2].trim();
    let kind = category
        .signals()
        .iter()
        .find(|(name, _)| *name == signal)
        .map(|(_, kind)| *kind)
        .ok_or_else(|| {
            let known: Vec<&str> = category.signals().iter().map(|(n, _)| *n).collect();
            format!(
                "unknown signal {signal:?} for {} lexicon; expected one of: {}",
                category.file_stem(),
                known.join(", ")
            )
        })?;
    check_value(kind, value).map_err(|m| format!("signal {signal:?}: {m}"))?;
    Ok(Entry {
        lang: lang.to_string(),
        category,
        pattern,
        signal: signal.to_string(),
        value: value.to_string(),
        note: fields
            .get(3)
            .map(|s| s.trim().to_string())
            .unwrap_or_default(),
        origin: String::new(),
    })
}

fn parse_pattern(field: &str) -> Result<Pattern, String> {
    let phrase = field.trim();
    if phrase.is_empty() {
        return Err("empty phrase".into());
    }
    if phrase.len() >= 2 && phrase.starts_with('/') && phrase.ends_with('/') {
        if phrase.len() > MAX_REGEX_BYTES {
            return Err(format!(
                "regular expression longer than {MAX_REGEX_BYTES} bytes"
            ));
        }
        let source = &phrase[1..phrase.len() - 1];
        // The syntax is checked here, with the line; the matcher compiles each expression
        // once, and reports one too big to compile with its line too.
        regex_syntax::parse(source).map_err(|e| format!("invalid regular expression: {e}"))?;
        return Ok(Pattern::Regex(source.to_string()));
    }
    if phrase.len() > MAX_PHRASE_BYTES {
        return Err(format!("phrase longer than {MAX_PHRASE_BYTES} bytes"));
    }
    if phrase.contains("  ") {
        return Err(format!(
            "phrase {phrase:?} has two spaces in a row (words are separated by one space)"
        ));
    }
    if phrase.chars().any(|c| c.is_uppercase()) {
        return Err(format!(
            "phrase {phrase:?} must be lower case (matching ignores case)"
        ));
    }
    Ok(Pattern::Literal(phrase.to_string()))
}

fn check_value(kind: ValueKind, value: &str) -> Result<(), String> {
    match kind {
        ValueKind::Number => value
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .map(|_| ())
            .ok_or_else(|| format!("value {value:?} is not a number")),
        ValueKind::Level => Level::parse(value)
            .map(|_| ())
            .ok_or_else(|| format!("value {value:?} is not a level ({})", Level::names())),
        ValueKind::LevelOrNone => {
            if value == "none" || Level::parse(value).is_some() {
                Ok(())
            } else {
                Err(format!(
                    "value {value:?} is not a level ({}) or none",
                    Level::names()
                ))
            }
        }
        ValueKind::Degree => {
            if matches!(value, "not-a-degree" | "unspecified")
                || super::DEGREE_LEVELS.contains(&value)
            {
                Ok(())
            } else {
                Err(format!(
                    "value {value:?} is not a degree level ({}), unspecified or not-a-degree",
                    super::DEGREE_LEVELS.join(", ")
                ))
            }
        }
        ValueKind::Words(words) => {
            if words.contains(&value) {
                Ok(())
            } else {
                Err(format!(
                    "value {value:?} is not one of: {}",
                    words.join(", ")
                ))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Vec<Entry>, LexiconError> {
        parse_file("en", Category::Autonomy, "x/autonomy.tsv", text)
    }

    #[test]
    fn errors_name_file_and_line() {
        let text =
            format!("{HEADER}\nindependently\tautonomy\thigh\tok\nalone\tautonomy\tsideways\n");
        let err = parse(&text).unwrap_err().to_string();
        assert!(err.starts_with("x/autonomy.tsv:3:"), "{err}");
        assert!(err.contains("sideways"), "{err}");
    }

    #[test]
    fn rejects_unknown_signal_empty_phrase_and_bad_regex() {
        for (line, needle) in [
            ("x\tcolour\thigh", "unknown signal"),
            (" \tautonomy\thigh", "empty phrase"),
            ("/(unclosed/\tautonomy\thigh", "invalid regular expression"),
            ("Upper\tautonomy\thigh", "lower case"),
            ("work  alone\tautonomy\thigh", "two spaces in a row"),
            ("a\tb", "expected 3 or 4"),
        ] {
            let err = parse(&format!("{HEADER}\n{line}\n"))
                .unwrap_err()
                .to_string();
            assert!(err.contains(needle), "{line:?} gave {err}");
        }
    }

    #[test]
    fn exact_duplicates_are_rejected_with_both_lines() {
        let text = format!(
            "{HEADER}\nalone\tautonomy\thigh\n# c\nalone\tautonomy\tlow\nalone\tautonomy\thigh\tagain\n"
        );
        let err = parse(&text).unwrap_err().to_string();
        assert!(
            err.starts_with("x/autonomy.tsv:5: duplicate entry"),
            "{err}"
        );
        assert!(err.contains("already on line 2"), "{err}");
    }

    #[test]
    fn absurd_sizes_are_rejected() {
        let long = "a".repeat(MAX_PHRASE_BYTES + 1);
        let err = parse(&format!("{HEADER}\n{long}\tautonomy\thigh\n"))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("x/autonomy.tsv:2: phrase longer than"),
            "{err}"
        );
        // Too big to compile: the matcher, which compiles it, refuses it with its line.
        let huge = "/(a{1000}){1000}/";
        let entries = parse(&format!("{HEADER}\n{huge}\tautonomy\thigh\n")).unwrap();
        let err = crate::matcher::Matcher::new(&crate::lexicon::Lexicon { entries })
            .err()
            .unwrap();
        assert!(
            err.starts_with("x/autonomy.tsv:2: invalid regular expression"),
            "{err}"
        );
        let many: String = (0..=MAX_ENTRIES)
            .map(|i| format!("w{i}\tautonomy\thigh\n"))
            .collect();
        let err = parse(&format!("{HEADER}\n{many}")).unwrap_err().to_string();
        assert!(err.contains("more than 100000 entries"), "{err}");
    }

    #[test]
    fn missing_header_is_an_error() {
        let err = parse("independently\tautonomy\thigh\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("header"), "{err}");
        assert!(parse("").is_err());
    }
}
