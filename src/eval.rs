//! Scoring rung against hand-annotated gold files and poster labels.
//!
//! The figures and their definitions match `shared/tools/score.py` exactly (a test keeps the
//! two in agreement on the shipped sample): accuracies over all annotated postings, years equal
//! within 0.25, F1 for each leadership boolean, mismatch precision and recall over the mismatch
//! finding codes, and agreement with the poster's `label`.

use serde_json::{Map, Value};

use crate::level::Level;
use crate::posting::{Analysis, Autonomy};

/// The finding codes that count as a title/requirements mismatch.
pub const MISMATCH_CODES: &[&str] = &[
    "title-below-requirements",
    "title-above-requirements",
    "experience-contradiction",
    "leadership-mismatch",
    "degree-inflation",
    "impossible-experience",
];

/// One scored posting: its gold object (if annotated), the poster's declared level and
/// degree, and the groups it is reported in.
#[derive(Clone)]
pub struct Row<'a> {
    pub gold: Option<&'a Map<String, Value>>,
    pub label: Option<Level>,
    /// The degree the poster declared in a form field (`education_label`), if any.
    pub education_label: Option<&'a str>,
    pub lang: Option<String>,
    /// The site or data set the row came from (`source`).
    pub source: Option<&'a str>,
    pub analysis: &'a Analysis,
}

/// Figures in a fixed order, `name value`.
pub type Figures = Vec<(String, f64)>;

fn years_equal(g: Option<f64>, p: Option<f64>) -> bool {
    match (g, p) {
        (Some(g), Some(p)) => (g - p).abs() <= 0.25,
        (None, None) => true,
        _ => false,
    }
}

fn f1(pairs: impl Iterator<Item = (bool, bool)>) -> (f64, f64, f64) {
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (g, p) in pairs {
        match (g, p) {
            (true, true) => tp += 1.0,
            (false, true) => fp += 1.0,
            (true, false) => fn_ += 1.0,
            _ => {}
        }
    }
    let prec = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let rec = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
    let f = if prec + rec > 0.0 {
        2.0 * prec * rec / (prec + rec)
    } else {
        0.0
    };
    (prec, rec, f)
}

fn macro_f1(pairs: &[(Option<Level>, Option<Level>)]) -> f64 {
    let scores: Vec<f64> = Level::ALL
        .iter()
        .filter(|c| pairs.iter().any(|(g, _)| *g == Some(**c)))
        .map(|c| f1(pairs.iter().map(|(g, p)| (*g == Some(*c), *p == Some(*c)))).2)
        .collect();
    if scores.is_empty() {
        0.0
    } else {
        scores.iter().sum::<f64>() / scores.len() as f64
    }
}

fn str_field<'a>(gold: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    gold.get(key).and_then(Value::as_str)
}

fn num_field(gold: &Map<String, Value>, key: &str) -> Option<f64> {
    gold.get(key).and_then(Value::as_f64)
}

fn bool_field(gold: &Map<String, Value>, key: &str) -> bool {
    gold.get(key).and_then(Value::as_bool).unwrap_or(false)
}

fn gold_level(gold: &Map<String, Value>, key: &str) -> Option<Level> {
    str_field(gold, key).and_then(Level::parse)
}

/// A gold level that is on the ladder (not "undetermined" / "unspecified").
fn ladder(gold: &Map<String, Value>, key: &str) -> Option<Level> {
    str_field(gold, key)
        .filter(|s| Level::ALL.iter().any(|l| l.as_str() == *s))
        .and_then(Level::parse)
}

/// Computes every figure over `rows`.
pub fn figures(rows: &[Row]) -> Figures {
    let mut out: Figures = vec![("postings".into(), rows.len() as f64)];
    let annotated: Vec<(&Map<String, Value>, &Analysis)> = rows
        .iter()
        .filter_map(|r| r.gold.map(|g| (g, r.analysis)))
        .collect();
    let n = annotated.len() as f64;
    if n > 0.0 {
        let acc = |f: &dyn Fn(&Map<String, Value>, &Analysis) -> bool| {
            annotated.iter().filter(|(g, a)| f(g, a)).count() as f64 / n
        };
        let title = |a: &Analysis| a.title_level.map_or("unspecified", Level::as_str);
        let implied = |a: &Analysis| a.implied_level.map_or("undetermined", Level::as_str);
        let autonomy = |a: &Analysis| match a.autonomy {
            Some(Autonomy::High) => Some("high"),
            Some(Autonomy::Low) => Some("low"),
            None => None,
        };
        out.push((
            "title_level_acc".into(),
            acc(&|g, a| str_field(g, "title_level") == Some(title(a))),
        ));
        out.push((
            "implied_level_acc".into(),
            acc(&|g, a| str_field(g, "implied_level") == Some(implied(a))),
        ));
        out.push((
            "implied_level_within1".into(),
            acc(&|g, a| matches!((ladder(g, "implied_level"), a.implied_level), (Some(x), Some(y)) if x.distance(y) <= 1)),
        ));
        out.push((
            "min_years_acc".into(),
            acc(&|g, a| years_equal(num_field(g, "min_years"), a.experience.min_years)),
        ));
        out.push((
            "max_years_acc".into(),
            acc(&|g, a| years_equal(num_field(g, "max_years"), a.experience.max_years)),
        ));
        out.push((
            "preferred_years_acc".into(),
            acc(&|g, a| {
                years_equal(
                    num_field(g, "preferred_years"),
                    a.experience.preferred_years,
                )
            }),
        ));
        out.push((
            "degree_level_acc".into(),
            acc(&|g, a| str_field(g, "degree_level") == a.degree.level),
        ));
        out.push((
            "degree_required_acc".into(),
            acc(&|g, a| g.get("degree_required").and_then(Value::as_bool) == a.degree.required),
        ));
        out.push((
            "autonomy_acc".into(),
            acc(&|g, a| str_field(g, "autonomy") == autonomy(a)),
        ));
        let stated: Vec<_> = annotated
            .iter()
            .filter(|(g, _)| num_field(g, "min_years").is_some())
            .collect();
        let rate = |num: usize, den: usize| {
            if den == 0 {
                0.0
            } else {
                num as f64 / den as f64
            }
        };
        out.push((
            "min_years_acc_stated".into(),
            rate(
                stated
                    .iter()
                    .filter(|(g, a)| years_equal(num_field(g, "min_years"), a.experience.min_years))
                    .count(),
                stated.len(),
            ),
        ));
        let unstated: Vec<_> = annotated
            .iter()
            .filter(|(g, _)| num_field(g, "min_years").is_none())
            .collect();
        out.push((
            "min_years_false_positive".into(),
            rate(
                unstated
                    .iter()
                    .filter(|(_, a)| a.experience.min_years.is_some())
                    .count(),
                unstated.len(),
            ),
        ));
        for key in [
            "people_management",
            "mentoring",
            "leads_work",
            "strategy",
            "budget",
        ] {
            let pick = |a: &Analysis| match key {
                "people_management" => a.leadership.people_management,
                "mentoring" => a.leadership.mentoring,
                "leads_work" => a.leadership.leads_work,
                "strategy" => a.leadership.strategy,
                _ => a.leadership.budget,
            };
            out.push((
                format!("{key}_f1"),
                f1(annotated.iter().map(|(g, a)| (bool_field(g, key), pick(a)))).2,
            ));
        }
        let flagged = |a: &Analysis| a.findings.iter().any(|f| MISMATCH_CODES.contains(&f.code));
        let (p, r, f) = f1(annotated
            .iter()
            .map(|(g, a)| (bool_field(g, "mismatch"), flagged(a))));
        out.push(("mismatch_precision".into(), p));
        out.push(("mismatch_recall".into(), r));
        out.push(("mismatch_f1".into(), f));
        let pairs: Vec<_> = annotated
            .iter()
            .map(|(g, a)| (gold_level(g, "implied_level"), a.implied_level))
            .collect();
        out.push(("implied_level_macro_f1".into(), macro_f1(&pairs)));
    }
    let declared: Vec<(Level, Level, &Analysis)> = rows
        .iter()
        .filter_map(|r| Some((r.label?, ladder(r.gold?, "implied_level")?, r.analysis)))
        .collect();
    if !declared.is_empty() {
        let said = |a: &Analysis| {
            a.findings
                .iter()
                .any(|f| f.code == "declared-level-mismatch")
        };
        let (p, r, _) = f1(declared
            .iter()
            .map(|(l, g, a)| (l.distance(*g) >= 2, said(a))));
        out.push(("declared_mismatch_precision".into(), p));
        out.push(("declared_mismatch_recall".into(), r));
    }
    let labelled: Vec<(Level, &Analysis)> = rows
        .iter()
        .filter_map(|r| Some((r.label?, r.analysis)))
        .collect();
    if !labelled.is_empty() {
        let m = labelled.len() as f64;
        out.push(("label_n".into(), m));
        out.push((
            "label_acc".into(),
            labelled
                .iter()
                .filter(|(l, a)| a.implied_level == Some(*l))
                .count() as f64
                / m,
        ));
        out.push((
            "label_within1".into(),
            labelled
                .iter()
                .filter(|(l, a)| a.implied_level.is_some_and(|i| i.distance(*l) <= 1))
                .count() as f64
                / m,
        ));
        let pairs: Vec<_> = labelled
            .iter()
            .map(|(l, a)| (Some(*l), a.implied_level))
            .collect();
        out.push(("label_macro_f1".into(), macro_f1(&pairs)));
    }
    let educated: Vec<(&str, &Analysis)> = rows
        .iter()
        .filter_map(|r| Some((r.education_label.filter(|e| !e.is_empty())?, r.analysis)))
        .collect();
    if !educated.is_empty() {
        out.push(("education_label_n".into(), educated.len() as f64));
        out.push((
            "education_label_acc".into(),
            educated
                .iter()
                .filter(|(e, a)| a.degree.level == Some(*e))
                .count() as f64
                / educated.len() as f64,
        ));
    }
    out
}

/// Rows of `label` against `implied_level`: counts[label][implied], implied index 6 is
/// undetermined.
pub fn confusion(rows: &[Row]) -> [[usize; 7]; 6] {
    let mut m = [[0usize; 7]; 6];
    for r in rows {
        if let Some(l) = r.label {
            m[l.rank()][r.analysis.implied_level.map_or(6, Level::rank)] += 1;
        }
    }
    m
}

/// The rows split by a key (language, source), groups in first-seen order; rows without
/// the key are in none.
pub fn groups<'a>(
    rows: &[Row<'a>],
    key: impl Fn(&Row<'a>) -> Option<String>,
) -> Vec<(String, Vec<Row<'a>>)> {
    let mut out: Vec<(String, Vec<Row<'a>>)> = Vec::new();
    for r in rows {
        let Some(k) = key(r) else { continue };
        match out.iter_mut().find(|(name, _)| *name == k) {
            Some((_, members)) => members.push(r.clone()),
            None => out.push((k, vec![r.clone()])),
        }
    }
    out
}
