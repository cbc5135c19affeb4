//! Postings kept in several columns (company profile, description, requirements, benefits),
//! as many ATS and job-board exports keep them. Each column becomes one part of the posting,
//! read as its own section (see `Posting::from_columns`).
//!
//! Which columns are read:
//! - `--text-col a,b,c` names them, in reading order; one column is the description as
//!   before, several are parts named after their columns.
//! - Otherwise the text column (the first of `TEXT_FIELDS` present) is read, and beside it
//!   the well-known part columns (`BEFORE_TEXT`, `AFTER_TEXT`) that hold text the description
//!   does not already hold: exports that join every column into `description` (as the
//!   EMSCAD rows in the shared data do) are read once, not twice.

use crate::posting::Posting;
use crate::text::Section;

/// Part columns read before the text column: about the company.
pub const BEFORE_TEXT: &[&str] = &[
    "company_profile",
    "company_description",
    "company_overview",
    "about_company",
    "about_the_company",
    "about_us",
];

/// Part columns read after the text column, in this order.
pub const AFTER_TEXT: &[&str] = &[
    "responsibilities",
    "job_responsibilities",
    "duties",
    "requirements",
    "job_requirements",
    "qualifications",
    "required_qualifications",
    "minimum_qualifications",
    "basic_qualifications",
    "preferred_qualifications",
    "desired_qualifications",
    "nice_to_have",
    "benefits",
    "job_benefits",
    "perks",
    "additional_information",
    "how_to_apply",
];

/// A column name compared without case or punctuation ("Company Profile" is
/// `company_profile`).
pub fn key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The section a well-known part column opens, by its name; `None` for other names.
pub fn section_of(name: &str) -> Option<Section> {
    let k = key(name);
    let has = |w: &str| k.contains(w);
    Some(
        if has("company")
            || has("aboutus")
            || has("benefit")
            || has("perks")
            || k == "additionalinformation"
            || k == "howtoapply"
        {
            Section::Other
        } else if has("preferred") || has("desired") || has("nicetohave") {
            Section::Preferred
        } else if has("requirement") || has("qualification") {
            Section::Required
        } else if has("responsibilit") || has("duties") {
            Section::Duties
        } else if super::jsonl::TEXT_FIELDS.iter().any(|t| key(t) == k) {
            Section::General
        } else {
            return None;
        },
    )
}

/// A posting's text as read from its columns.
#[derive(Debug, PartialEq, Eq)]
pub enum Text<'a> {
    /// One text: the description.
    One(&'a str),
    /// Several columns, as `(name, text)` in reading order.
    Parts(Vec<(&'a str, &'a str)>),
}

impl Text<'_> {
    pub fn posting(self, id: &str, title: &str) -> Posting {
        match self {
            Text::One(text) => Posting::new(id, title, text),
            Text::Parts(parts) => Posting::from_columns(id, title, parts),
        }
    }
}

/// The columns named by `--text-col`, with their texts (blank or missing ones as ""):
/// `None` when every one is blank.
pub fn chosen<'a>(columns: Vec<(&'a str, &'a str)>) -> Option<Text<'a>> {
    let filled: Vec<_> = columns
        .iter()
        .copied()
        .filter(|(_, t)| !t.trim().is_empty())
        .collect();
    match (columns.len(), filled.is_empty()) {
        (_, true) => None,
        (1, _) => Some(Text::One(filled[0].1)),
        _ => Some(Text::Parts(filled)),
    }
}

/// The text found by names: `text` (the text column, if any) and the part columns with text
/// around it. A part whose text the description already holds is not read again; with no
/// part left, the description is read alone, exactly as a one-text posting.
pub fn found<'a>(
    text: Option<(&'a str, &'a str)>,
    before: Vec<(&'a str, &'a str)>,
    after: Vec<(&'a str, &'a str)>,
) -> Option<Text<'a>> {
    let text = text.filter(|(_, t)| !t.trim().is_empty());
    let new = |(_, part): &(&str, &str)| {
        let part = part.trim();
        !part.is_empty() && text.is_none_or(|(_, t)| !t.contains(part))
    };
    let before: Vec<_> = before.into_iter().filter(new).collect();
    let after: Vec<_> = after.into_iter().filter(new).collect();
    if before.is_empty() && after.is_empty() {
        return text.map(|(_, t)| Text::One(t));
    }
    Some(Text::Parts(
        before.into_iter().chain(text).chain(after).collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_descriptions_are_read_once() {
        let joined = "About us\nWe sell.\nRequirements\n3+ years of SQL";
        let got = found(
            Some(("description", joined)),
            vec![("company_profile", "We sell.")],
            vec![("requirements", "3+ years of SQL"), ("benefits", "")],
        );
        assert_eq!(got, Some(Text::One(joined)));
        let got = found(
            Some(("description", "Analyse data.")),
            vec![("company_profile", "Founded 30 years ago.")],
            vec![("requirements", "3+ years of SQL")],
        );
        assert_eq!(
            got,
            Some(Text::Parts(vec![
                ("company_profile", "Founded 30 years ago."),
                ("description", "Analyse data."),
                ("requirements", "3+ years of SQL"),
            ]))
        );
        assert_eq!(found(None, vec![], vec![("benefits", " ")]), None);
    }

    #[test]
    fn chosen_columns_keep_their_order_and_one_is_the_description() {
        assert_eq!(chosen(vec![("body", "x")]), Some(Text::One("x")));
        assert_eq!(
            chosen(vec![("b", "y"), ("a", ""), ("c", "z")]),
            Some(Text::Parts(vec![("b", "y"), ("c", "z")]))
        );
        assert_eq!(chosen(vec![("a", ""), ("b", " ")]), None);
    }

    #[test]
    fn well_known_columns_open_their_sections() {
        assert_eq!(section_of("Company Profile"), Some(Section::Other));
        assert_eq!(section_of("benefits"), Some(Section::Other));
        assert_eq!(section_of("requirements"), Some(Section::Required));
        assert_eq!(
            section_of("preferred_qualifications"),
            Some(Section::Preferred)
        );
        assert_eq!(section_of("jobDescription"), Some(Section::General));
        assert_eq!(section_of("notes"), None);
    }
}
