//! A posting's text as HTML with its evidence and findings marked, from the spans' byte
//! offsets. Overlaps are resolved left to right: a later span is clipped to start where the
//! earlier one ended, so every byte is written exactly once and escaped.

use crate::posting::{Analysis, Field, Span};

/// Marks of the kind a reader should notice most win ties at the same start.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Evidence,
    Finding,
}

struct Mark<'a> {
    span: &'a Span,
    kind: Kind,
    label: String,
}

/// `field`'s text (`text`) with every span of the analysis that points into it marked.
pub fn highlight(text: &str, field: Field, analysis: &Analysis) -> String {
    let mut marks: Vec<Mark> = marks(analysis)
        .into_iter()
        .filter(|m| m.span.field == field)
        .collect();
    marks.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.kind.cmp(&a.kind))
            .then(b.span.end.cmp(&a.span.end))
    });
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut cursor = 0;
    for mark in marks {
        let start = mark.span.start.max(cursor);
        let end = mark.span.end.min(text.len());
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        out.push_str(&escape(&text[cursor..start]));
        let class = match mark.kind {
            Kind::Evidence => "ev",
            Kind::Finding => "fi",
        };
        out.push_str(&format!(
            "<mark class=\"{class}\" title=\"{}\">{}</mark>",
            escape(&mark.label),
            escape(&text[start..end])
        ));
        cursor = end;
    }
    out.push_str(&escape(&text[cursor..]));
    out
}

fn marks(a: &Analysis) -> Vec<Mark<'_>> {
    let mut out = Vec::new();
    let mut add = |span, kind, label: String| out.push(Mark { span, kind, label });
    for f in &a.findings {
        for s in &f.spans {
            add(s, Kind::Finding, format!("{}: {}", f.code, f.message));
        }
    }
    for e in &a.evidence {
        for s in &e.spans {
            add(s, Kind::Evidence, format!("{}: {}", e.level, e.reason));
        }
    }
    for m in &a.experience.mentions {
        add(&m.span, Kind::Evidence, "experience".into());
    }
    for p in &a.experience.phrases {
        add(
            &p.span,
            Kind::Evidence,
            format!("experience phrase: {}", p.level),
        );
    }
    for m in &a.degree.mentions {
        add(&m.span, Kind::Evidence, format!("degree: {}", m.level));
    }
    for m in &a.leadership.mentions {
        add(&m.span, Kind::Evidence, format!("leadership: {}", m.signal));
    }
    for s in &a.title_spans {
        add(s, Kind::Evidence, "title level".into());
    }
    out
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Analyzer, Posting};

    #[test]
    fn marks_spans_and_escapes_everything_else() {
        let analyzer = Analyzer::with_defaults().unwrap();
        let text = "<b>Requirements</b>:\n- 7+ years of experience in SQL & \"reports\"\n";
        let posting = Posting::new("p", "Junior Data Analyst", text);
        let analysis = analyzer.analyze(&posting);
        let html = highlight(text, Field::Description, &analysis);
        assert!(
            html.starts_with("&lt;b&gt;Requirements&lt;/b&gt;"),
            "{html}"
        );
        assert!(html.contains("<mark class=\"fi\""), "{html}");
        assert!(html.contains("SQL &amp; &quot;reports&quot;"), "{html}");
        let plain = html.replace("</mark>", "");
        assert!(!plain.contains("<b>"));
    }
}
