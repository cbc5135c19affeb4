//! One posting as plain text or Markdown: the title is the first non-empty line (without
//! Markdown heading marks) unless given; the description is everything after it.

use crate::posting::Posting;

pub fn posting_from_text(id: &str, text: &str, title: Option<&str>) -> Posting {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(title) = title {
        return Posting::new(id, title, text);
    }
    let mut offset = 0;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let content = line.trim();
        offset += line.len();
        if content.is_empty() {
            continue;
        }
        let title = content
            .trim_start_matches('#')
            .trim()
            .trim_matches('*')
            .trim();
        return Posting {
            description_line: index + 2,
            ..Posting::new(id, title, &text[offset..])
        };
    }
    Posting::new(id, "", "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_line_is_the_title() {
        let p = posting_from_text("p", "\n# Senior Engineer\nWe need 5 years.\n", None);
        assert_eq!(p.title, "Senior Engineer");
        assert_eq!(p.description, "We need 5 years.\n");
        assert_eq!(p.description_line, 3);
        let p = posting_from_text("p", "Body only", Some("Given"));
        assert_eq!(
            (p.title.as_str(), p.description.as_str()),
            ("Given", "Body only")
        );
    }
}
