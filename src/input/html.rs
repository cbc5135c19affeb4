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

/// Reads one HTML page; `Err` says why it has no text.
pub fn posting_from_html(id: &str, html: &str) -> Result<Posting, String> {
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
}
