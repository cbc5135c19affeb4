//! What rung reads (a posting) and what it reports (an analysis), in the shape of the JSON
//! output contract of SPEC.md. Field names here are the wire format: keep them stable.

use serde::Serialize;

use crate::level::{Band, Level};

/// One job posting as read from any input.
#[derive(Clone, Debug, Default)]
pub struct Posting {
    /// The input's own id, else the path or `path:row`.
    pub id: String,
    pub title: String,
    pub description: String,
    /// The level the poster declared (a `label` / `seniority_level` field, or `--declared`).
    pub declared: Option<Level>,
    /// Where the title and the description start in the posting's file, when each is a
    /// stretch of it (a text or Markdown file): their spans then give file lines and columns.
    /// `None` when the text is not in the file as such (a CSV cell, a JSON field, `--title`,
    /// text extracted from HTML): spans count lines and columns from the text's own start.
    pub title_at: Option<Position>,
    pub description_at: Option<Position>,
    /// The posting's language as an ISO 639-1 code (`de`), when the caller knows it; else
    /// rung detects it.
    pub lang: Option<String>,
    /// When the posting was read from several columns (company profile, description,
    /// requirements, benefits), where each column's text lies in `description`, in order;
    /// empty when the description is one text. Each part is read as its own section, and
    /// spans into it name the column (`"field": "requirements"`).
    pub parts: Vec<Part>,
}

/// One column of a posting read from several: its name as the input spells it, and its
/// byte range in the joined description.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub name: String,
    pub range: std::ops::Range<usize>,
}

/// What joins the columns of a posting in `description`: a blank line, so no sentence or
/// list item runs from one column into the next.
pub const PART_SEPARATOR: &str = "\n\n";

impl Posting {
    /// A posting from its title and description.
    pub fn new(
        id: impl Into<String>,
        title: impl Into<String>,
        description: impl Into<String>,
    ) -> Posting {
        Posting {
            id: id.into(),
            title: title.into(),
            description: description.into(),
            ..Posting::default()
        }
    }

    /// A posting kept in several columns (`("company_profile", ...)`, `("requirements",
    /// ...)`), in reading order: each column is read as its own section, so a figure under
    /// benefits or the company profile is no requirement, and spans name their column.
    /// Blank columns are left out.
    pub fn from_columns<N: Into<String>, T: AsRef<str>>(
        id: impl Into<String>,
        title: impl Into<String>,
        columns: impl IntoIterator<Item = (N, T)>,
    ) -> Posting {
        let mut description = String::new();
        let mut parts = Vec::new();
        for (name, text) in columns {
            let text = text.as_ref().trim();
            if text.is_empty() {
                continue;
            }
            if !description.is_empty() {
                description.push_str(PART_SEPARATOR);
            }
            let start = description.len();
            description.push_str(text);
            parts.push(Part {
                name: name.into(),
                range: start..description.len(),
            });
        }
        Posting {
            parts,
            ..Posting::new(id, title, description)
        }
    }

    /// The text a span points into: the title, the description, or one column's part.
    pub fn text_of(&self, field: Field) -> Option<&str> {
        match field {
            Field::Title => Some(&self.title),
            Field::Description => Some(&self.description),
            Field::Column(name) => self
                .parts
                .iter()
                .find(|p| p.name == name)
                .and_then(|p| self.description.get(p.range.clone())),
        }
    }
}

/// A 1-based line and column (in characters) in a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// The file position of `line`:`column` counted inside a text that starts here.
    pub fn shift(self, line: usize, column: usize) -> Position {
        Position {
            line: self.line + line - 1,
            // Only the text's first line starts mid-line in the file.
            column: if line == 1 {
                self.column + column - 1
            } else {
                column
            },
        }
    }
}

/// Which text of the posting a span points into. In JSON: `"title"`, `"description"`, or,
/// for a posting read from several columns, the column's name as the input spells it
/// (`"company_profile"`, `"requirements"`, `"benefits"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Title,
    Description,
    /// One column of a posting read from several (see [`Posting::from_columns`]).
    Column(&'static str),
}

impl Field {
    /// The field of a column named `name`. Names are interned once per process (a handful:
    /// the columns of the inputs read), so that fields stay `Copy`.
    pub fn column(name: &str) -> Field {
        use std::collections::HashSet;
        use std::sync::{Mutex, OnceLock};
        static NAMES: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
        let mut names = NAMES
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let name = match names.get(name) {
            Some(known) => *known,
            None => {
                let leaked: &'static str = Box::leak(name.to_string().into_boxed_str());
                names.insert(leaked);
                leaked
            }
        };
        Field::Column(name)
    }

    /// The JSON name of the field.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Description => "description",
            Field::Column(name) => name,
        }
    }
}

impl Serialize for Field {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A piece of the posting's own text: byte offsets into the original UTF-8 as given (the
/// title or the description), 1-based line and column (in characters) in the posting's file
/// where the text is a stretch of it (see `Posting::title_at`), else in the text itself, and
/// the verbatim text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Span {
    pub field: Field,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: String,
}

/// Whether a stated requirement must be met or is only wished for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Requirement {
    Required,
    Preferred,
}

/// Whether a years figure is about experience overall or one skill ("2+ years of Python").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Overall,
    Skill,
}

/// One years-of-experience statement.
#[derive(Clone, Debug, Serialize)]
pub struct YearsMention {
    pub min: f64,
    pub max: Option<f64>,
    pub requirement: Requirement,
    pub scope: Scope,
    /// Statements joined by "or" share a group: any one of them suffices.
    pub group: usize,
    #[serde(flatten)]
    pub span: Span,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Experience {
    pub min_years: Option<f64>,
    pub max_years: Option<f64>,
    pub preferred_years: Option<f64>,
    pub mentions: Vec<YearsMention>,
    /// Experience-level phrases with no number ("entry level", "proven track record").
    pub phrases: Vec<LevelPhrase>,
}

/// A phrase that points at a level by itself.
#[derive(Clone, Debug, Serialize)]
pub struct LevelPhrase {
    pub level: Level,
    #[serde(flatten)]
    pub span: Span,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Degree {
    pub level: Option<&'static str>,
    pub required: Option<bool>,
    pub or_equivalent: bool,
    pub enrolled_student: bool,
    pub mentions: Vec<DegreeMention>,
}

#[derive(Clone, Debug, Serialize)]
pub struct DegreeMention {
    pub level: &'static str,
    pub requirement: Requirement,
    #[serde(flatten)]
    pub span: Span,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Leadership {
    pub people_management: bool,
    pub mentoring: bool,
    pub leads_work: bool,
    pub strategy: bool,
    pub budget: bool,
    pub mentions: Vec<LeadershipMention>,
}

#[derive(Clone, Debug, Serialize)]
pub struct LeadershipMention {
    pub signal: String,
    #[serde(flatten)]
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Autonomy {
    High,
    Low,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub spans: Vec<Span>,
}

/// One reason the scorer leaned toward a level.
#[derive(Clone, Debug, Serialize)]
pub struct Evidence {
    pub level: Level,
    /// The kind of signal behind the vote, which decides its weight (`rung fit` refits them).
    #[serde(skip)]
    pub vote: crate::scorer::Vote,
    pub weight: f64,
    pub reason: String,
    pub spans: Vec<Span>,
}

/// Everything rung says about one posting.
#[derive(Clone, Debug, Serialize)]
pub struct Analysis {
    pub id: String,
    pub title: String,
    /// The language the posting was read in (forced, or detected): ISO 639-1 for the
    /// languages rung has lexicons for, else ISO 639-3.
    pub lang: String,
    pub title_level: Option<Level>,
    #[serde(serialize_with = "serialize_implied")]
    pub implied_level: Option<Level>,
    pub band: Option<Band>,
    pub confidence: f64,
    pub experience: Experience,
    pub degree: Degree,
    pub leadership: Leadership,
    pub autonomy: Option<Autonomy>,
    /// Where the description names the role with a level ("As a Junior Data Engineer").
    pub role_levels: Vec<LevelPhrase>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declared_level: Option<Level>,
    pub evidence: Vec<Evidence>,
    pub title_spans: Vec<Span>,
    pub findings: Vec<Finding>,
}

fn serialize_implied<S: serde::Serializer>(level: &Option<Level>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(level.map_or("undetermined", Level::as_str))
}

impl Analysis {
    /// Calls `f` on every span of the analysis.
    pub fn for_each_span(&mut self, mut f: impl FnMut(&mut Span)) {
        let e = &mut self.experience;
        e.mentions.iter_mut().for_each(|m| f(&mut m.span));
        e.phrases.iter_mut().for_each(|p| f(&mut p.span));
        self.degree.mentions.iter_mut().for_each(|m| f(&mut m.span));
        let l = &mut self.leadership;
        l.mentions.iter_mut().for_each(|m| f(&mut m.span));
        self.role_levels.iter_mut().for_each(|p| f(&mut p.span));
        self.evidence
            .iter_mut()
            .flat_map(|e| &mut e.spans)
            .for_each(&mut f);
        self.title_spans.iter_mut().for_each(&mut f);
        self.findings
            .iter_mut()
            .flat_map(|x| &mut x.spans)
            .for_each(&mut f);
    }

    /// The most severe finding, if any.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }
}
