//! One posting as plain text or Markdown: the title is the first non-empty line (without
//! Markdown heading marks) unless given; the description is everything after it.

use crate::posting::{Position, Posting};

/// Reads a posting file; its title and description keep their place in the file
/// (`title_at`, `description_at`), so spans give the file's lines and columns. A `title`
/// given apart is in no file.
pub fn posting_from_text(id: &str, text: &str, title: Option<&str>) -> Posting {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(title) = title {
        return Posting {
            description_at: Some(Position { line: 1, column: 1 }),
            ..Posting::new(id, title, text)
        };
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
        // The title is a slice of its line: its column is the characters before it.
        let before = title.as_ptr() as usize - line.as_ptr() as usize;
        return Posting {
            title_at: Some(Position {
                line: index + 1,
                column: line[..before].chars().count() + 1,
            }),
            description_at: Some(Position {
                line: index + 2,
                column: 1,
            }),
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
        assert_eq!(p.title_at, Some(Position { line: 2, column: 3 }));
        assert_eq!(p.description_at, Some(Position { line: 3, column: 1 }));
        let p = posting_from_text("p", "Body only", Some("Given"));
        assert_eq!(
            (p.title.as_str(), p.description.as_str()),
            ("Given", "Body only")
        );
        assert_eq!(p.title_at, None);
        assert_eq!(p.description_at, Some(Position { line: 1, column: 1 }));
    }
}
