//! One posting as an HTML page, turned into text by html2text: headings keep their `#`
//! marks and list items their `* ` bullets on lines of their own, so the section and list
//! logic that reads Markdown reads these too. The title is the page's `<title>`, else its
//! first `<h1>`.

use std::sync::LazyLock;

use regex::Regex;

use crate::posting::Posting;

/// Lines are never wrapped: a wrapped requirement would be cut in two for the matchers.
const NO_WRAP: usize = 1 << 20;

static TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<title[^>]*>(.*?)</title\s*>").expect("valid regex"));

/// Deepest element nesting read. The HTML-to-text conversion takes time that grows with the
/// square of the depth (100,000 nested `<div>`s take a minute), and no real page comes near.
pub const MAX_HTML_DEPTH: usize = 512;

/// The largest page read, in bytes: the HTML parser's tree takes some 80 bytes of memory per
/// byte of page, and job ads, scripts and styles included, are far smaller.
pub const MAX_HTML_BYTES: usize = 8 << 20;

/// Reads one HTML page; `Err` says why it has no text.
pub fn posting_from_html(id: &str, html: &str) -> Result<Posting, String> {
    if html.len() > MAX_HTML_BYTES {
        return Err(format!(
            "a page of {} bytes, larger than the {} MiB rung reads",
            html.len(),
            MAX_HTML_BYTES >> 20
        ));
    }
    if let Some(line) = too_deep(html, MAX_HTML_DEPTH) {
        return Err(format!(
            "HTML elements nested more than {MAX_HTML_DEPTH} deep (by line {line}); rung does not read it"
        ));
    }
    let text = to_text(html)?;
    let page_title = TITLE
        .captures(html)
        .and_then(|c| to_text(&c[1]).ok())
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty());
    let title = page_title.or_else(|| first_h1(&text)).unwrap_or_default();
    if text.trim().is_empty() {
        return Err("the page has no text".into());
    }
    Ok(Posting::new(id, title, text))
}

fn to_text(html: &str) -> Result<String, String> {
    html2text::config::plain_no_decorate()
        .allow_width_overflow()
        .no_table_borders()
        .string_from_read(html.as_bytes(), NO_WRAP)
        .map_err(|e| format!("cannot read the HTML: {e}"))
}

/// The line where the element nesting first passes `max`, estimated from the tags alone: end
/// tags close one level, and void elements and those whose end tag is optional (`<p>`,
/// `<li>`, table cells) open none, so sloppy but ordinary pages are never refused.
fn too_deep(html: &str, max: usize) -> Option<usize> {
    const FLAT: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "tbody",
        "thead", "tfoot", "colgroup", "optgroup", "rb", "rp", "rt", "rtc",
    ];
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    for (at, _) in html.match_indices('<') {
        let rest = &bytes[at + 1..];
        if rest.first() == Some(&b'/') {
            depth = depth.saturating_sub(1);
            continue;
        }
        let name_len = rest
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !rest[0].is_ascii_alphabetic() {
            continue;
        }
        let name = html[at + 1..at + 1 + name_len].to_ascii_lowercase();
        let self_closing = rest[name_len..]
            .iter()
            .position(|&b| b == b'>')
            .is_some_and(|end| end > 0 && rest[name_len + end - 1] == b'/');
        if FLAT.contains(&name.as_str()) || self_closing {
            continue;
        }
        depth += 1;
        if depth > max {
            return Some(bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1);
        }
    }
    None
}

fn first_h1(text: &str) -> Option<String> {
    text.lines()
        .find_map(|line| line.strip_prefix("# "))
        .map(|t| t.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!doctype html><html><head><title>Data Analyst &amp; Reporting</title>\
        <style>p{color:red}</style><script>var x = '5 years';</script></head><body>\
        <h1>Ignored heading</h1><p>We are <b>growing</b> fast.</p>\
        <h2>Requirements</h2><ul><li>3+ years of SQL</li><li>A bachelor&#39;s degree</li></ul>\
        <p>Apply <a href=\"https://x.example\">here</a>.</p></body></html>";

    #[test]
    fn headings_and_list_items_keep_their_own_lines() {
        let p = posting_from_html("p.html", PAGE).unwrap();
        assert_eq!(p.title, "Data Analyst & Reporting");
        let lines: Vec<&str> = p.description.lines().collect();
        assert!(lines.contains(&"## Requirements"), "{lines:?}");
        assert!(lines.contains(&"* 3+ years of SQL"), "{lines:?}");
        assert!(lines.contains(&"* A bachelor's degree"), "{lines:?}");
        assert!(!p.description.contains("var x"), "{}", p.description);
        assert!(!p.description.contains("color"), "{}", p.description);
    }

    #[test]
    fn without_a_title_element_the_first_h1_is_the_title() {
        let p = posting_from_html("p.html", "<h1>Senior Nurse</h1><p>Lead a ward.</p>").unwrap();
        assert_eq!(p.title, "Senior Nurse");
        assert!(posting_from_html("e.html", "<p> </p>").is_err());
    }

    #[test]
    fn deep_nesting_is_refused_quickly_but_unclosed_paragraphs_are_not() {
        let deep = format!("<title>T</title>\n{}x", "<div>".repeat(100_000));
        let err = posting_from_html("d.html", &deep).unwrap_err();
        assert!(
            err.contains("nested more than 512 deep (by line 2)"),
            "{err}"
        );
        let flat = format!("<title>T</title>{}", "<p>3 years<br><li>x".repeat(5_000));
        assert!(posting_from_html("f.html", &flat).is_ok());
        let closed = "<div><span>a</span></div>".repeat(5_000);
        assert!(too_deep(&closed, 3).is_none());
    }
}
