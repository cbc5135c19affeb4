//! The career ladder: six levels, the three bands of everyday speech, and parsing of the
//! names posters and other tools use for them.

use std::fmt;

/// LinkedIn's six seniority levels, lowest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Internship,
    Entry,
    Associate,
    MidSenior,
    Director,
    Executive,
}

/// The career stage a level belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Band {
    Junior,
    MidSenior,
    Senior,
}

impl Level {
    pub const ALL: [Level; 6] = [
        Level::Internship,
        Level::Entry,
        Level::Associate,
        Level::MidSenior,
        Level::Director,
        Level::Executive,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Internship => "internship",
            Level::Entry => "entry",
            Level::Associate => "associate",
            Level::MidSenior => "mid-senior",
            Level::Director => "director",
            Level::Executive => "executive",
        }
    }

    /// Parses SPEC names and the spellings scraped data uses ("Mid-Senior level",
    /// "Entry level", "internship").
    pub fn parse(s: &str) -> Option<Level> {
        // The key: lower case, letters and digits only. An ASCII name (nearly all: lexicon
        // values are SPEC names) is keyed in a buffer on the stack.
        let mut buf = [0u8; 24];
        let mut len = 0;
        let owned: String;
        let key = if s.is_ascii() {
            for b in s.bytes().filter(u8::is_ascii_alphanumeric) {
                *buf.get_mut(len)? = b.to_ascii_lowercase();
                len += 1;
            }
            std::str::from_utf8(&buf[..len]).expect("ASCII")
        } else {
            owned = s
                .trim()
                .to_lowercase()
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect();
            &owned
        };
        let key = key.strip_suffix("level").unwrap_or(key);
        Some(match key {
            "internship" | "intern" => Level::Internship,
            "entry" | "junior" => Level::Entry,
            "associate" => Level::Associate,
            "midsenior" | "mid" | "senior" => Level::MidSenior,
            "director" => Level::Director,
            "executive" => Level::Executive,
            _ => return None,
        })
    }

    pub fn names() -> String {
        Level::ALL.map(Level::as_str).join(", ")
    }

    pub fn rank(self) -> usize {
        self as usize
    }

    pub fn band(self) -> Band {
        match self {
            Level::Internship | Level::Entry | Level::Associate => Band::Junior,
            Level::MidSenior => Band::MidSenior,
            Level::Director | Level::Executive => Band::Senior,
        }
    }

    /// Rungs between two levels.
    pub fn distance(self, other: Level) -> usize {
        self.rank().abs_diff(other.rank())
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Level {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl std::str::FromStr for Level {
    type Err = String;
    fn from_str(s: &str) -> Result<Level, String> {
        Level::parse(s)
            .ok_or_else(|| format!("unknown level {s:?}; expected one of: {}", Level::names()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_scraped_spellings() {
        assert_eq!(Level::parse("Mid-Senior level"), Some(Level::MidSenior));
        assert_eq!(Level::parse("Entry level"), Some(Level::Entry));
        assert_eq!(Level::parse("not-applicable"), None);
        // Outside ASCII (a non-breaking hyphen), and longer than any name.
        assert_eq!(
            Level::parse("Mid\u{2011}Senior level"),
            Some(Level::MidSenior)
        );
        assert_eq!(Level::parse("  INTERNSHIP "), Some(Level::Internship));
        assert_eq!(Level::parse("mid-senior level, or so we think"), None);
        for level in Level::ALL {
            assert_eq!(Level::parse(level.as_str()), Some(level));
        }
    }

    #[test]
    fn bands_follow_spec() {
        assert_eq!(Level::Associate.band(), Band::Junior);
        assert_eq!(Level::MidSenior.band(), Band::MidSenior);
        assert_eq!(Level::Director.band(), Band::Senior);
        assert_eq!(Level::Entry.distance(Level::MidSenior), 2);
    }
}
