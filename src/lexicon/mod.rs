//! Lexicons: the phrases rung looks for, kept as data.
//!
//! Each language has a folder (`lexicons/en/`) with one tab-separated file per category.
//! Every line is `phrase<TAB>signal<TAB>value<TAB>note`; `#` starts a comment line and the
//! first line is the header. A phrase is matched case-insensitively as whole words; a phrase
//! written between slashes (`/lead(s|ing)? (the )?team/`) is a regular expression over the
//! normalised (lower-cased) text instead. The shipped files are embedded in the binary; a user's
//! `--lexicons DIR` goes through the same parser.

mod embedded;
mod parse;

use std::path::{Path, PathBuf};

pub use parse::{parse_file, LexiconError};

/// The file a lexicon entry belongs to, which decides what its signals mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Experience,
    Degree,
    Autonomy,
    Leadership,
    Title,
    Context,
    Technology,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::Experience,
        Category::Degree,
        Category::Autonomy,
        Category::Leadership,
        Category::Title,
        Category::Context,
        Category::Technology,
    ];

    /// The file stem that holds this category (`experience.tsv`).
    pub fn file_stem(self) -> &'static str {
        match self {
            Category::Experience => "experience",
            Category::Degree => "degree",
            Category::Autonomy => "autonomy",
            Category::Leadership => "leadership",
            Category::Title => "title",
            Category::Context => "context",
            Category::Technology => "technology",
        }
    }

    pub fn from_file_stem(stem: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.file_stem() == stem)
    }

    /// The signals a file of this category may set, and whether each one's value must be a
    /// number, a level name, or a word from a fixed list.
    pub fn signals(self) -> &'static [(&'static str, ValueKind)] {
        use ValueKind::*;
        match self {
            Category::Experience => &[
                ("years", Number),
                ("level", Level),
                ("number", Number),
                ("unit", Number),
                ("min-marker", Words(&["min", "over"])),
                ("max-marker", Words(&["max"])),
                ("plus-marker", Words(&["plus"])),
                ("range-marker", Words(&["between", "to"])),
                ("alternative", Words(&["or"])),
                ("keyword", Words(&["experience"])),
                ("not-requirement", Words(&["before", "after"])),
            ],
            Category::Degree => &[
                ("degree", Degree),
                ("abbreviation", Degree),
                ("equivalent", Words(&["yes", "no"])),
                ("enrolled", Words(&["yes", "no"])),
            ],
            Category::Autonomy => &[("autonomy", Words(&["high", "low", "none"]))],
            Category::Leadership => &[
                ("people_management", Words(&["yes", "no"])),
                ("mentoring", Words(&["yes", "no"])),
                ("leads_work", Words(&["yes", "no"])),
                ("strategy", Words(&["yes", "no"])),
                ("budget", Words(&["yes", "no"])),
            ],
            Category::Title => &[("level", LevelOrNone)],
            Category::Context => &[
                (
                    "section",
                    Words(&["required", "preferred", "duties", "other"]),
                ),
                ("preferred", Words(&["before", "after"])),
            ],
            Category::Technology => &[("released", Number)],
        }
    }
}

/// Degree levels, lowest first, as SPEC.md names them.
pub const DEGREE_LEVELS: &[&str] = &[
    "none",
    "high-school",
    "vocational",
    "associate",
    "bachelor",
    "master",
    "doctorate",
];

/// What a lexicon value must look like for a given signal.
#[derive(Clone, Copy, Debug)]
pub enum ValueKind {
    Number,
    Level,
    LevelOrNone,
    /// A degree level, `unspecified` for a degree of no stated level, or `not-a-degree` for
    /// words that only look like one.
    Degree,
    Words(&'static [&'static str]),
}

/// A phrase is either literal words or a regular expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pattern {
    Literal(String),
    Regex(String),
}

impl Pattern {
    pub fn as_str(&self) -> &str {
        match self {
            Pattern::Literal(s) | Pattern::Regex(s) => s,
        }
    }

    /// The phrase as written in a lexicon file (regular expressions between slashes).
    pub fn as_written(&self) -> String {
        match self {
            Pattern::Literal(s) => s.clone(),
            Pattern::Regex(s) => format!("/{s}/"),
        }
    }
}

/// One line of a lexicon file.
#[derive(Clone, Debug)]
pub struct Entry {
    pub lang: String,
    pub category: Category,
    pub pattern: Pattern,
    pub signal: String,
    pub value: String,
    pub note: String,
    /// Where the entry was read from, for messages (`lexicons/en/degree.tsv:12`).
    pub origin: String,
}

impl Entry {
    /// Whether the entry only claims its words for another meaning ("lead to", "degree of",
    /// "Senior Living"), so that no signal is read from them.
    pub fn is_claim(&self) -> bool {
        match self.value.as_str() {
            "no" | "not-a-degree" => true,
            // In the degree lexicon, none is a level: "no degree required".
            "none" => self.category != Category::Degree,
            _ => false,
        }
    }

    /// Whether the entry is a word of the years grammar's lists (a number word, a unit, a
    /// range or minimum marker, a veto...): the grammar is built from these words and finds
    /// them in context, so they are not looked for in postings on their own.
    pub fn is_grammar_word(&self) -> bool {
        self.category == Category::Experience
            && matches!(
                self.signal.as_str(),
                "number"
                    | "unit"
                    | "min-marker"
                    | "max-marker"
                    | "plus-marker"
                    | "range-marker"
                    | "alternative"
                    | "not-requirement"
            )
    }

    /// The value as a number; validation guarantees it parses for numeric signals.
    pub fn number(&self) -> f64 {
        self.value.parse().unwrap_or(0.0)
    }
}

/// All entries loaded, in load order.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    pub entries: Vec<Entry>,
}

impl Lexicon {
    /// The lexicons shipped with rung, parsed once per call (callers keep the result).
    pub fn embedded() -> Result<Lexicon, LexiconError> {
        let mut lexicon = Lexicon::default();
        for (lang, file, text) in embedded::FILES {
            lexicon.extend_from_text(lang, file, text)?;
        }
        Ok(lexicon)
    }

    /// Reads a user's lexicon folder: either `DIR/<lang>/<category>.tsv` or `DIR/<category>.tsv`
    /// (taken as English).
    pub fn load_dir(dir: &Path) -> Result<Lexicon, LexiconError> {
        let mut lexicon = Lexicon::default();
        let mut files = Vec::new();
        collect_tsv(dir, "en", &mut files)?;
        if files.is_empty() {
            return Err(LexiconError::Io {
                path: dir.display().to_string(),
                message: "no lexicon files (*.tsv) found".into(),
            });
        }
        files.sort();
        for (lang, path) in files {
            let name = path.display().to_string();
            let text = read_capped(&path).map_err(|message| LexiconError::Io {
                path: name.clone(),
                message,
            })?;
            lexicon.extend_from_text(&lang, &name, &text)?;
            if lexicon.entries.len() > MAX_USER_ENTRIES {
                return Err(LexiconError::Io {
                    path: name,
                    message: format!(
                        "more than {MAX_USER_ENTRIES} entries in {} altogether",
                        dir.display()
                    ),
                });
            }
        }
        Ok(lexicon)
    }

    fn extend_from_text(&mut self, lang: &str, file: &str, text: &str) -> Result<(), LexiconError> {
        let stem = Path::new(file)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("");
        let category = Category::from_file_stem(stem).ok_or_else(|| LexiconError::Io {
            path: file.to_string(),
            message: format!(
                "unknown lexicon category {stem:?}; expected one of: {}",
                Category::ALL.map(|c| c.file_stem()).join(", ")
            ),
        })?;
        self.entries.extend(parse_file(lang, category, file, text)?);
        Ok(())
    }

    /// Refuses entries in a language no posting is read in, such as a mistyped folder
    /// (`eng/`), which would load and never match; `new` names the codes a user adds on
    /// purpose (`--new-language`), read in postings given that `--lang`.
    pub fn check_languages(&self, new: &[String]) -> Result<(), LexiconError> {
        let known = crate::language::known_codes();
        let Some(entry) = self
            .entries
            .iter()
            .find(|e| !known.contains(&e.lang) && !new.contains(&e.lang))
        else {
            return Ok(());
        };
        let file = entry
            .origin
            .rsplit_once(':')
            .map_or(&*entry.origin, |(f, _)| f);
        let hint = match crate::language::suggest(&entry.lang) {
            Some(code) => format!("; did you mean {code}?"),
            None => ".".into(),
        };
        Err(LexiconError::Io {
            path: file.to_string(),
            message: format!(
                "{}: not a language code rung knows{hint} To add a language of your own, say \
                 --new-language {} (and read its postings with --lang {})",
                entry.lang, entry.lang, entry.lang
            ),
        })
    }

    /// Adds another lexicon's entries after this one's (`--lexicons DIR` extending defaults).
    pub fn extend(&mut self, other: Lexicon) {
        self.entries.extend(other.entries);
    }

    /// Entries of one category and signal.
    pub fn select<'a>(
        &'a self,
        category: Category,
        signal: &'a str,
    ) -> impl Iterator<Item = &'a Entry> + 'a {
        self.entries
            .iter()
            .filter(move |e| e.category == category && e.signal == signal)
    }
}

/// The largest lexicon file read, in bytes.
pub const MAX_FILE_BYTES: u64 = 16 << 20;
/// The most entries a `--lexicons` folder may hold, all files together.
pub const MAX_USER_ENTRIES: usize = 500_000;

fn read_capped(path: &Path) -> Result<String, String> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "larger than {} MiB, too large for a lexicon",
            MAX_FILE_BYTES >> 20
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        format!("line {line}: invalid UTF-8 (save the file as UTF-8)")
    })
}

fn collect_tsv(
    dir: &Path,
    lang: &str,
    out: &mut Vec<(String, PathBuf)>,
) -> Result<(), LexiconError> {
    let read = std::fs::read_dir(dir).map_err(|e| LexiconError::Io {
        path: dir.display().to_string(),
        message: e.to_string(),
    })?;
    for item in read {
        let path = item
            .map_err(|e| LexiconError::Io {
                path: dir.display().to_string(),
                message: e.to_string(),
            })?
            .path();
        if path.is_dir() {
            let sub = path
                .file_name()
                .and_then(|s| s.to_str())
                .unwrap_or("en")
                .to_string();
            collect_tsv(&path, &sub, out)?;
        } else if path.extension().is_some_and(|x| x == "tsv") {
            out.push((lang.to_string(), path));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each experience signal is either a word list of the years grammar or matched for an
    /// extractor: a new signal has to be put on one side.
    #[test]
    fn every_experience_signal_is_matched_or_a_grammar_word() {
        for (signal, _) in Category::Experience.signals() {
            let entry = Entry {
                lang: "en".into(),
                category: Category::Experience,
                pattern: Pattern::Literal("x".into()),
                signal: signal.to_string(),
                value: String::new(),
                note: String::new(),
                origin: String::new(),
            };
            let matched = matches!(*signal, "years" | "level" | "keyword");
            assert_ne!(entry.is_grammar_word(), matched, "{signal}");
        }
    }
}
