//! The level scorer: signals vote for levels with weights; the heaviest level wins.
//!
//! The title never votes: `implied_level` is what the description asks for, so that findings
//! can compare the two. The weights below are the whole model; README.md documents them.

use crate::analyzer::Doc;
use crate::level::Level;
use crate::posting::{Analysis, Autonomy, Evidence, Requirement, Span};
use crate::signals;

/// How much each kind of signal weighs. Years are the strongest evidence a posting gives.
pub struct Weights {
    pub enrolled_student: f64,
    pub required_years: f64,
    pub preferred_years: f64,
    /// A phrase that names a level ("entry level", "internship program", "several years"),
    /// by the level it names: generic "experience in" says less than "recent graduates".
    pub level_phrase: [f64; 6],
    /// The description calls the role by a level ("As a Junior Data Engineer you will").
    pub role_named: f64,
    pub mentoring: f64,
    pub leads_work: f64,
    pub people_management: f64,
    pub strategy: f64,
    pub budget: f64,
    pub autonomy_high: f64,
    pub autonomy_low: f64,
    /// Below this total weight the posting is `undetermined`.
    pub undetermined_below: f64,
}

pub const WEIGHTS: Weights = Weights {
    enrolled_student: 4.0,
    required_years: 3.0,
    preferred_years: 1.5,
    level_phrase: [2.0, 1.5, 0.6, 1.0, 1.5, 1.5],
    role_named: 1.0,
    mentoring: 1.0,
    leads_work: 0.75,
    people_management: 1.0,
    strategy: 1.0,
    budget: 1.0,
    autonomy_high: 0.5,
    autonomy_low: 0.75,
    undetermined_below: 0.5,
};

/// The level a years figure points to: under 1 year entry, under 3 associate, under 10
/// mid-senior, 10 or more director.
pub fn level_for_years(years: f64) -> Level {
    match years {
        y if y < 1.0 => Level::Entry,
        y if y < 3.0 => Level::Associate,
        y if y < 10.0 => Level::MidSenior,
        _ => Level::Director,
    }
}

/// Fills `implied_level`, `band`, `confidence` and `evidence`.
pub fn score(doc: &Doc, analysis: &mut Analysis) {
    let evidence = gather(doc, analysis);
    let mut totals = [0.0f64; 6];
    for e in &evidence {
        totals[e.level.rank()] += e.weight;
    }
    let total: f64 = totals.iter().sum();
    analysis.evidence = evidence;
    if total < WEIGHTS.undetermined_below {
        return;
    }
    // Heaviest level; on a tie the lower level, since postings overstate more than understate.
    let (best, weight) = Level::ALL.iter().map(|l| (*l, totals[l.rank()])).fold(
        (Level::Internship, -1.0),
        |acc, x| if x.1 > acc.1 { x } else { acc },
    );
    analysis.implied_level = Some(best);
    analysis.band = Some(best.band());
    let agreement = weight / total;
    let amount = 1.0 - (-total / 3.0).exp();
    analysis.confidence = (agreement * amount * 100.0).round() / 100.0;
}

fn gather(doc: &Doc, a: &Analysis) -> Vec<Evidence> {
    let mut out = Vec::new();
    let mut push = |level: Level, weight: f64, reason: String, spans: Vec<Span>| {
        out.push(Evidence {
            level,
            weight,
            reason,
            spans,
        })
    };
    if a.degree.enrolled_student {
        push(
            Level::Internship,
            WEIGHTS.enrolled_student,
            "the candidate must be a student".into(),
            Vec::new(),
        );
    }
    let exp = &a.experience;
    let governing = |years: f64, req: Requirement| {
        exp.mentions
            .iter()
            .filter(|m| m.requirement == req && m.min == years)
            .map(|m| m.span.clone())
            .take(1)
            .collect::<Vec<_>>()
    };
    if let Some(y) = exp.min_years {
        push(
            level_for_years(y),
            WEIGHTS.required_years,
            format!("requires {} years of experience", fmt_years(y)),
            governing(y, Requirement::Required),
        );
    } else if let Some(y) = exp.preferred_years {
        push(
            level_for_years(y),
            WEIGHTS.preferred_years,
            format!("prefers {} years of experience", fmt_years(y)),
            governing(y, Requirement::Preferred),
        );
    }
    let mut seen = Vec::new();
    for phrase in &exp.phrases {
        if !seen.contains(&phrase.level) {
            seen.push(phrase.level);
            let weight = WEIGHTS.level_phrase[phrase.level.rank()];
            push(
                phrase.level,
                weight,
                format!("\"{}\" points to {}", phrase.span.text, phrase.level),
                vec![phrase.span.clone()],
            );
        }
    }
    // A director or executive level must rest on the remit the description gives, not on
    // the description repeating a grand title ("As our Chief Data Scientist").
    let named = a.role_levels.iter().filter(|p| p.level <= Level::MidSenior);
    if let Some(named) = named.min_by_key(|p| p.level) {
        push(
            named.level,
            WEIGHTS.role_named,
            format!("the posting calls the role \"{}\"", named.span.text),
            vec![named.span.clone()],
        );
    }
    let l = &a.leadership;
    let spans_of = |signal: &str| {
        l.mentions
            .iter()
            .filter(|m| m.signal == signal)
            .map(|m| m.span.clone())
            .take(1)
            .collect::<Vec<_>>()
    };
    if l.mentoring {
        push(
            Level::MidSenior,
            WEIGHTS.mentoring,
            "mentors others".into(),
            spans_of("mentoring"),
        );
    }
    if l.leads_work {
        push(
            Level::MidSenior,
            WEIGHTS.leads_work,
            "leads work".into(),
            spans_of("leads_work"),
        );
    }
    // A director manages managers, sets a function's strategy and owns its budget: one of
    // these alone is a mid-senior role.
    let senior_remit = l.people_management && l.strategy && l.budget;
    if l.people_management {
        let level = if senior_remit {
            Level::Director
        } else {
            Level::MidSenior
        };
        push(
            level,
            WEIGHTS.people_management,
            "manages people".into(),
            spans_of("people_management"),
        );
    }
    if l.strategy {
        let level = if senior_remit {
            Level::Director
        } else {
            Level::MidSenior
        };
        push(
            level,
            WEIGHTS.strategy,
            "sets strategy".into(),
            spans_of("strategy"),
        );
    }
    if l.budget {
        let level = if senior_remit {
            Level::Director
        } else {
            Level::MidSenior
        };
        push(
            level,
            WEIGHTS.budget,
            "owns a budget".into(),
            spans_of("budget"),
        );
    }
    let (level, weight, reason) = match a.autonomy {
        // Working on one's own marks a mid-senior role beside other signs of one; alone it
        // is the "some independence" of an associate.
        Some(Autonomy::High) if out.is_empty() => (
            Level::Associate,
            WEIGHTS.autonomy_high,
            "works independently",
        ),
        Some(Autonomy::High) => (
            Level::MidSenior,
            WEIGHTS.autonomy_high,
            "works autonomously",
        ),
        Some(Autonomy::Low) => (Level::Entry, WEIGHTS.autonomy_low, "works under guidance"),
        None => return out,
    };
    let spans = a
        .autonomy
        .map(|kind| signals::autonomy::mentions(doc, kind))
        .unwrap_or_default();
    out.push(Evidence {
        level,
        weight,
        reason: reason.into(),
        spans: spans.into_iter().take(1).collect(),
    });
    out
}

/// "3", "1.5": years without a trailing ".0".
pub fn fmt_years(y: f64) -> String {
    if y.fract() == 0.0 {
        format!("{y:.0}")
    } else {
        format!("{y}")
    }
}
