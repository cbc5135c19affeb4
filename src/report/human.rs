//! The human report of `rung check`: a summary on top, then each piece of evidence and each
//! finding shown in the posting's own text with the match underlined, as compilers show
//! diagnostics (rendered by annotate-snippets). The caller decides about colour.

use std::borrow::Cow;

use annotate_snippets::{Level as Tone, Message, Renderer, Snippet};

use crate::posting::{Analysis, Autonomy, Field, Position, Posting, Severity, Span};
use crate::scorer::fmt_years;

/// Renders one analysis. `origin` names the posting's file; `styled` adds ANSI colour.
pub fn render(posting: &Posting, analysis: &Analysis, origin: &str, styled: bool) -> String {
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let sources = Sources {
        title: Source::new(&posting.title, posting.title_at, origin, "title"),
        body: Source::new(&posting.description, posting.description_at, origin, "text"),
    };
    let mut out = summary(analysis);
    if posting.description_at.is_none() {
        // Never a file:line the file does not have: the text of an HTML page or a table cell
        // is not the file.
        out.pop();
        out.push_str(&format!(
            "  positions      in the posting's text as rung read it from {origin}, not in the file\n\n"
        ));
    }
    // A posting read from several columns: each column is its own snippet, named so.
    let columns: Vec<(Field, String)> = posting
        .parts
        .iter()
        .map(|p| (Field::column(&p.name), format!("{origin} ({})", p.name)))
        .collect();
    for e in &analysis.evidence {
        let title = format!("{} (weight {}): {}", e.level, e.weight, e.reason);
        let message = with_spans(
            Tone::Note.title(&title).id("evidence"),
            Tone::Note,
            &sources,
            posting,
            &columns,
            &e.spans,
            "",
        );
        out.push_str(&format!("{}\n\n", renderer.render(message)));
    }
    for f in &analysis.findings {
        let tone = match f.severity {
            Severity::Error => Tone::Error,
            Severity::Warning => Tone::Warning,
            Severity::Info => Tone::Info,
        };
        let message = with_spans(
            tone.title(&f.message).id(f.code),
            tone,
            &sources,
            posting,
            &columns,
            &f.spans,
            f.code,
        );
        out.push_str(&format!("{}\n\n", renderer.render(message)));
    }
    let counts = |s: Severity| analysis.findings.iter().filter(|f| f.severity == s).count();
    out.push_str(&format!(
        "{} finding(s): {} error, {} warning, {} info\n",
        analysis.findings.len(),
        counts(Severity::Error),
        counts(Severity::Warning),
        counts(Severity::Info)
    ));
    out
}

/// `message` with the spans shown in their text, underlined in `tone`: the message's own
/// severity, so a warning's underline does not say "info".
fn with_spans<'a>(
    message: Message<'a>,
    tone: Tone,
    sources: &'a Sources<'a>,
    posting: &'a Posting,
    columns: &'a [(Field, String)],
    spans: &[Span],
    label: &'a str,
) -> Message<'a> {
    let mut snippets = Vec::new();
    // The title and the description, placed where they are in the file.
    for (text, field) in [
        (&sources.title, Field::Title),
        (&sources.body, Field::Description),
    ] {
        let ranges: Vec<_> = spans
            .iter()
            .filter(|s| s.field == field)
            .map(|s| s.start + text.shift..s.end + text.shift)
            .collect();
        if ranges.is_empty() {
            continue;
        }
        let mut snippet = Snippet::source(&text.source)
            .origin(text.origin)
            .line_start(text.line)
            .annotations(ranges.into_iter().map(|r| tone.span(r).label(label)));
        if field == Field::Description {
            snippet = snippet.fold(true);
        }
        snippets.push(snippet);
    }
    // Each column of a posting read from several, in order.
    for (field, origin) in columns {
        let Some(text) = posting.text_of(*field) else {
            continue;
        };
        let body: Vec<_> = spans
            .iter()
            .filter(|s| s.field == *field)
            .map(|s| tone.span(s.start..s.end).label(label))
            .collect();
        if body.is_empty() {
            continue;
        }
        snippets.push(
            Snippet::source(text)
                .origin(origin)
                .fold(true)
                .annotations(body),
        );
    }
    message.snippets(snippets)
}

/// The title and the description as shown under a message, placed where they are in the
/// file (or, when they are in no file, named for what they are).
struct Sources<'a> {
    title: Source<'a>,
    body: Source<'a>,
}

struct Source<'a> {
    origin: &'a str,
    /// The text shown, padded on the left so that columns are the file's.
    source: Cow<'a, str>,
    /// The padding's length: spans move right by it.
    shift: usize,
    line: usize,
}

impl<'a> Source<'a> {
    fn new(text: &'a str, at: Option<Position>, file: &'a str, elsewhere: &'a str) -> Self {
        let Some(at) = at else {
            return Source {
                origin: elsewhere,
                source: Cow::Borrowed(text),
                shift: 0,
                line: 1,
            };
        };
        // annotate-snippets counts columns in the text it is given: the title's Markdown
        // marks ("# ") stand as spaces.
        let pad = " ".repeat(at.column - 1);
        Source {
            origin: file,
            shift: pad.len(),
            source: if pad.is_empty() {
                Cow::Borrowed(text)
            } else {
                Cow::Owned(pad + text)
            },
            line: at.line,
        }
    }
}

fn summary(a: &Analysis) -> String {
    let level = a.implied_level.map_or("undetermined", |l| l.as_str());
    let band = a.band.map_or("-".to_string(), |b| {
        serde_json::to_value(b)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default()
    });
    let title_level = a.title_level.map_or("none stated", |l| l.as_str());
    let exp = &a.experience;
    let years = match (exp.min_years, exp.max_years, exp.preferred_years) {
        (Some(min), Some(max), _) => {
            format!("{}-{} years required", fmt_years(min), fmt_years(max))
        }
        (Some(0.0), None, _) => "no experience required".to_string(),
        (Some(min), None, _) => format!("{}+ years required", fmt_years(min)),
        (None, _, Some(p)) => format!("{} preferred", crate::scorer::years(p)),
        (None, _, None) => "no years stated".to_string(),
    };
    let degree = match (a.degree.level, a.degree.required) {
        (Some(l), Some(true)) => format!(
            "{l} required{}",
            if a.degree.or_equivalent {
                " (or equivalent)"
            } else {
                ""
            }
        ),
        (Some(l), _) => format!("{l} preferred"),
        (None, _) => "none stated".to_string(),
    };
    let l = &a.leadership;
    let leadership: Vec<&str> = [
        (l.people_management, "people management"),
        (l.mentoring, "mentoring"),
        (l.leads_work, "leads work"),
        (l.strategy, "strategy"),
        (l.budget, "budget"),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, name)| *name)
    .collect();
    let autonomy = match a.autonomy {
        Some(Autonomy::High) => "high",
        Some(Autonomy::Low) => "low",
        None => "not stated",
    };
    let mut s = format!(
        "{}\n",
        if a.title.is_empty() {
            "(untitled posting)"
        } else {
            &a.title
        }
    );
    s.push_str(&format!(
        "  implied level  {level} (band {band}, confidence {:.2})\n",
        a.confidence
    ));
    s.push_str(&format!("  title level    {title_level}\n"));
    if let Some(d) = a.declared_level {
        s.push_str(&format!("  declared level {d}\n"));
    }
    s.push_str(&format!("  experience     {years}\n"));
    s.push_str(&format!(
        "  degree         {degree}{}\n",
        if a.degree.enrolled_student {
            ", must be a student"
        } else {
            ""
        }
    ));
    s.push_str(&format!(
        "  leadership     {}\n",
        if leadership.is_empty() {
            "none stated".to_string()
        } else {
            leadership.join(", ")
        }
    ));
    s.push_str(&format!("  autonomy       {autonomy}\n\n"));
    s
}
