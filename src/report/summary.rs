//! The figures of a whole audit, accumulated one analysis at a time so that memory stays
//! flat however many postings stream past: counts by level, band, title level and finding
//! code; the few worst postings; agreement with declared levels; and titles whose postings
//! disagree. Only the last grows with the input, by one small entry per distinct title.

use std::collections::{BTreeMap, HashMap};

use crate::level::{Band, Level};
use crate::posting::{Analysis, Severity};

/// Postings kept as examples in each list (worst, undetermined).
pub const EXAMPLES: usize = 20;

/// A row or column index for a level that may be missing: the six levels, then "none".
pub fn slot(level: Option<Level>) -> usize {
    level.map_or(Level::ALL.len(), Level::rank)
}

/// Slots: the six levels, then the missing one.
pub const SLOTS: usize = 7;

/// One posting, as the lists of a summary show it.
#[derive(Clone, Debug)]
pub struct Example {
    pub id: String,
    pub title: String,
    pub implied: Option<Level>,
    pub codes: Vec<&'static str>,
    /// Orders the worst postings: the most severe finding first, then how many.
    pub badness: (Severity, usize),
}

/// Findings of one code.
#[derive(Clone, Debug)]
pub struct CodeCount {
    pub severity: Severity,
    /// Postings with at least one finding of this code.
    pub postings: usize,
}

/// The lowest and highest level implied for postings that share a normalised title.
#[derive(Clone, Debug)]
pub struct TitleSpread {
    pub title: String,
    /// The level the title states (that of its first posting; one title states one level).
    pub title_level: Option<Level>,
    pub postings: usize,
    pub lowest: (Level, String),
    pub highest: (Level, String),
}

impl TitleSpread {
    pub fn rungs(&self) -> usize {
        self.lowest.0.distance(self.highest.0)
    }
}

/// Everything the summary and HTML reports show about a set of postings.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    pub postings: usize,
    pub rejected: usize,
    /// Postings by implied level (slot), the last slot "undetermined".
    pub by_implied: [usize; SLOTS],
    /// `matrix[title slot][implied slot]`.
    pub matrix: [[usize; SLOTS]; SLOTS],
    pub findings: BTreeMap<&'static str, CodeCount>,
    pub postings_with_findings: usize,
    /// The worst postings so far, worst first, at most `EXAMPLES`.
    pub worst: Vec<Example>,
    /// The first undetermined postings, at most `EXAMPLES`.
    pub undetermined: Vec<Example>,
    pub declared: usize,
    pub declared_exact: usize,
    pub declared_within_one: usize,
    titles: HashMap<String, TitleSpread>,
}

impl Summary {
    pub fn new() -> Summary {
        Summary::default()
    }

    /// Counts one analysed posting.
    pub fn add(&mut self, analysis: &Analysis) {
        self.postings += 1;
        let implied = analysis.implied_level;
        self.by_implied[slot(implied)] += 1;
        self.matrix[slot(analysis.title_level)][slot(implied)] += 1;
        self.count_findings(analysis);
        let example = || Example {
            id: analysis.id.clone(),
            title: analysis.title.clone(),
            implied,
            codes: codes(analysis),
            badness: (
                analysis.worst().unwrap_or(Severity::Info),
                analysis.findings.len(),
            ),
        };
        if !analysis.findings.is_empty() {
            self.offer_worst(example());
        }
        if implied.is_none() && self.undetermined.len() < EXAMPLES {
            self.undetermined.push(example());
        }
        if let (Some(declared), Some(implied)) = (analysis.declared_level, implied) {
            self.declared += 1;
            let distance = declared.distance(implied);
            self.declared_exact += usize::from(distance == 0);
            self.declared_within_one += usize::from(distance <= 1);
        }
        if let Some(level) = implied {
            self.spread(&analysis.title, analysis.title_level, &analysis.id, level);
        }
    }

    /// Counts one row that could not be read.
    pub fn reject(&mut self) {
        self.rejected += 1;
    }

    /// Postings in each band, then undetermined.
    pub fn by_band(&self) -> [(Option<Band>, usize); 4] {
        let mut out = [
            (Some(Band::Junior), 0),
            (Some(Band::MidSenior), 0),
            (Some(Band::Senior), 0),
            (None, 0),
        ];
        for level in Level::ALL {
            let i = match level.band() {
                Band::Junior => 0,
                Band::MidSenior => 1,
                Band::Senior => 2,
            };
            out[i].1 += self.by_implied[level.rank()];
        }
        out[3].1 = self.by_implied[SLOTS - 1];
        out
    }

    /// Finding codes, most frequent first.
    pub fn codes_by_count(&self) -> Vec<(&'static str, &CodeCount)> {
        let mut codes: Vec<_> = self.findings.iter().map(|(c, n)| (*c, n)).collect();
        codes.sort_by(|a, b| b.1.postings.cmp(&a.1.postings).then(a.0.cmp(b.0)));
        codes
    }

    /// Titles whose postings imply levels two or more rungs apart, widest spread first.
    pub fn inconsistent_titles(&self) -> Vec<&TitleSpread> {
        let mut out: Vec<&TitleSpread> = self.titles.values().filter(|t| t.rungs() >= 2).collect();
        out.sort_by(|a, b| {
            (b.rungs(), b.postings)
                .cmp(&(a.rungs(), a.postings))
                .then(a.title.cmp(&b.title))
        });
        out
    }

    /// `part` of `whole` as a percentage, 0 when there is no whole.
    pub fn percent(part: usize, whole: usize) -> f64 {
        if whole == 0 {
            0.0
        } else {
            100.0 * part as f64 / whole as f64
        }
    }

    fn count_findings(&mut self, analysis: &Analysis) {
        let mut seen: Vec<&'static str> = Vec::new();
        for f in &analysis.findings {
            if seen.contains(&f.code) {
                continue;
            }
            seen.push(f.code);
            let entry = self.findings.entry(f.code).or_insert(CodeCount {
                severity: f.severity,
                postings: 0,
            });
            entry.postings += 1;
            entry.severity = entry.severity.max(f.severity);
        }
        self.postings_with_findings += usize::from(!seen.is_empty());
    }

    fn offer_worst(&mut self, example: Example) {
        // Insert after equals, so that among equally bad postings the earliest stays first.
        let at = self.worst.partition_point(|w| w.badness >= example.badness);
        if at < EXAMPLES {
            self.worst.insert(at, example);
            self.worst.truncate(EXAMPLES);
        }
    }

    fn spread(&mut self, title: &str, title_level: Option<Level>, id: &str, level: Level) {
        let key = normalise_title(title);
        if key.is_empty() {
            return;
        }
        let entry = self.titles.entry(key).or_insert_with(|| TitleSpread {
            title: title.trim().to_string(),
            title_level,
            postings: 0,
            lowest: (level, id.to_string()),
            highest: (level, id.to_string()),
        });
        entry.postings += 1;
        if level < entry.lowest.0 {
            entry.lowest = (level, id.to_string());
        }
        if level > entry.highest.0 {
            entry.highest = (level, id.to_string());
        }
    }
}

fn codes(analysis: &Analysis) -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = analysis.findings.iter().map(|f| f.code).collect();
    codes.dedup();
    codes
}

/// Titles compare by their words, lower-cased, without punctuation or gender tags such as
/// "(m/f/d)", so "Data Analyst (m/w/d)" and "data analyst" are one title.
pub fn normalise_title(title: &str) -> String {
    const TAGS: [&str; 6] = ["m/w/d", "m/f/d", "f/m/d", "w/m/d", "m/f", "h/f"];
    let mut lower = title.to_lowercase();
    for tag in TAGS {
        lower = lower.replace(tag, " ");
    }
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Analyzer, Posting};

    fn analyse(postings: &[(&str, &str, &str)]) -> Summary {
        let analyzer = Analyzer::with_defaults().unwrap();
        let mut summary = Summary::new();
        for (id, title, text) in postings {
            summary.add(&analyzer.analyze(&Posting::new(*id, *title, *text)));
        }
        summary
    }

    #[test]
    fn counts_add_up() {
        let s = analyse(&[
            ("a", "Junior Data Analyst", "Requirements:\n- 7+ years of experience in SQL reporting\n"),
            ("b", "Data Analyst", "No experience required. Training provided.\n"),
            ("c", "Data Analyst (m/w/d)", "Requirements:\n- 8+ years of experience\n- You will manage a team of five direct reports\n"),
            ("d", "Thing", "Hello."),
        ]);
        assert_eq!(s.postings, 4);
        assert_eq!(s.by_implied.iter().sum::<usize>(), 4);
        assert_eq!(s.matrix.iter().flatten().sum::<usize>(), 4);
        assert_eq!(s.by_band().iter().map(|b| b.1).sum::<usize>(), 4);
        assert!(s.findings.contains_key("title-below-requirements"));
        assert_eq!(s.worst[0].id, "a");
        let spread = s.inconsistent_titles();
        assert_eq!(spread.len(), 1, "{spread:?}");
        assert_eq!(spread[0].postings, 2);
    }

    #[test]
    fn titles_normalise_to_their_words() {
        assert_eq!(normalise_title(" Data-Analyst (m/w/d) "), "data analyst");
        assert_eq!(
            normalise_title("Senior Data Analyst"),
            "senior data analyst"
        );
    }
}
