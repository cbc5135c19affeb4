//! The level scorer: signals vote for levels with weights; the heaviest level wins.
//!
//! The title never votes: `implied_level` is what the description asks for, so that findings
//! can compare the two. The weights below are the whole model; README.md documents them.

use crate::doc::Doc;
use crate::level::Level;
use crate::posting::{Analysis, Autonomy, Evidence, Requirement, Span};
use crate::signals;

/// The kinds of signal that vote for a level; each has one weight in [`Weights`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vote {
    EnrolledStudent,
    RequiredYears,
    PreferredYears,
    /// A level phrase, by the level it names.
    LevelPhrase(Level),
    RoleNamed,
    Mentoring,
    LeadsWork,
    PeopleManagement,
    Strategy,
    Budget,
    AutonomyHigh,
    AutonomyLow,
}

/// How much each kind of signal weighs. Years are the strongest evidence a posting gives.
#[derive(Clone, Debug, PartialEq)]
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

/// The field of `Weights` that weighs one kind of vote, read (`field!(w, vote)`) or borrowed
/// (`field!(w, vote, &mut)`): one table for both, so they cannot disagree.
macro_rules! field {
    ($w:expr, $vote:expr $(, $borrow:tt $mut:tt)?) => {
        match $vote {
            Vote::EnrolledStudent => $($borrow $mut)? $w.enrolled_student,
            Vote::RequiredYears => $($borrow $mut)? $w.required_years,
            Vote::PreferredYears => $($borrow $mut)? $w.preferred_years,
            Vote::LevelPhrase(level) => $($borrow $mut)? $w.level_phrase[level.rank()],
            Vote::RoleNamed => $($borrow $mut)? $w.role_named,
            Vote::Mentoring => $($borrow $mut)? $w.mentoring,
            Vote::LeadsWork => $($borrow $mut)? $w.leads_work,
            Vote::PeopleManagement => $($borrow $mut)? $w.people_management,
            Vote::Strategy => $($borrow $mut)? $w.strategy,
            Vote::Budget => $($borrow $mut)? $w.budget,
            Vote::AutonomyHigh => $($borrow $mut)? $w.autonomy_high,
            Vote::AutonomyLow => $($borrow $mut)? $w.autonomy_low,
        }
    };
}

impl Weights {
    /// The weight of one kind of vote.
    pub fn of(&self, vote: Vote) -> f64 {
        field!(self, vote)
    }

    /// The weight of one kind of vote, to change (`rung fit`).
    pub fn slot(&mut self, vote: Vote) -> &mut f64 {
        field!(self, vote, &mut)
    }

    /// Every kind of vote, in the order of the table.
    pub fn votes() -> impl Iterator<Item = Vote> {
        [
            Vote::EnrolledStudent,
            Vote::RequiredYears,
            Vote::PreferredYears,
        ]
        .into_iter()
        .chain(Level::ALL.map(Vote::LevelPhrase))
        .chain([
            Vote::RoleNamed,
            Vote::Mentoring,
            Vote::LeadsWork,
            Vote::PeopleManagement,
            Vote::Strategy,
            Vote::Budget,
            Vote::AutonomyHigh,
            Vote::AutonomyLow,
        ])
    }
}

/// The level a years figure points to: under 1 year entry, under 3 associate, under 10
/// mid-senior, 10 or more director.
pub fn level_for_years(years: f64) -> Level {
    match years {
        y if y < 1.0 => Level::Entry,
        y if y < 3.0 => Level::Associate,
        y if y <= 10.0 => Level::MidSenior,
        _ => Level::Director,
    }
}

/// Fills `implied_level`, `band`, `confidence` and `evidence`.
pub fn score(doc: &Doc, analysis: &mut Analysis) {
    analysis.evidence = gather(doc, analysis);
    if let Some((level, confidence)) = decide(&analysis.evidence, &WEIGHTS) {
        analysis.implied_level = Some(level);
        analysis.band = Some(level.band());
        analysis.confidence = confidence;
    }
}

/// The level the votes point to under `weights`, and the confidence in it; `None` for
/// undetermined. Each vote weighs what `weights` gives its kind, whatever it was scored with.
pub fn decide(evidence: &[Evidence], weights: &Weights) -> Option<(Level, f64)> {
    let mut totals = [0.0f64; 6];
    for e in evidence {
        totals[e.level.rank()] += weights.of(e.vote);
    }
    let total: f64 = totals.iter().sum();
    // No evidence is never a level, whatever the threshold.
    if total <= 0.0 || total < weights.undetermined_below {
        return None;
    }
    // Heaviest level; on a tie the lower level, since postings overstate more than understate.
    let (best, weight) = Level::ALL.iter().map(|l| (*l, totals[l.rank()])).fold(
        (Level::Internship, -1.0),
        |acc, x| if x.1 > acc.1 { x } else { acc },
    );
    let agreement = weight / total;
    let amount = 1.0 - (-total / 3.0).exp();
    Some((best, (agreement * amount * 100.0).round() / 100.0))
}

fn gather(doc: &Doc, a: &Analysis) -> Vec<Evidence> {
    let mut out = Vec::new();
    let mut push = |level: Level, vote: Vote, reason: String, spans: Vec<Span>| {
        out.push(Evidence {
            level,
            vote,
            weight: WEIGHTS.of(vote),
            reason,
            spans,
        })
    };
    if a.degree.enrolled_student {
        push(
            Level::Internship,
            Vote::EnrolledStudent,
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
            Vote::RequiredYears,
            format!("requires {} of experience", years(y)),
            governing(y, Requirement::Required),
        );
    } else if let Some(y) = exp.preferred_years {
        push(
            level_for_years(y),
            Vote::PreferredYears,
            format!("prefers {} of experience", years(y)),
            governing(y, Requirement::Preferred),
        );
    }
    let mut seen = Vec::new();
    for phrase in &exp.phrases {
        if !seen.contains(&phrase.level) {
            seen.push(phrase.level);
            push(
                phrase.level,
                Vote::LevelPhrase(phrase.level),
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
            Vote::RoleNamed,
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
            Vote::Mentoring,
            "mentors others".into(),
            spans_of("mentoring"),
        );
    }
    if l.leads_work {
        push(
            Level::MidSenior,
            Vote::LeadsWork,
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
            Vote::PeopleManagement,
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
            Vote::Strategy,
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
            Vote::Budget,
            "owns a budget".into(),
            spans_of("budget"),
        );
    }
    let (level, vote, reason) = match a.autonomy {
        // Working on one's own marks a mid-senior role beside other signs of one; alone it
        // is the "some independence" of an associate.
        Some(Autonomy::High) if out.is_empty() => {
            (Level::Associate, Vote::AutonomyHigh, "works independently")
        }
        Some(Autonomy::High) => (Level::MidSenior, Vote::AutonomyHigh, "works autonomously"),
        Some(Autonomy::Low) => (Level::Entry, Vote::AutonomyLow, "works under guidance"),
        None => return out,
    };
    let spans = a
        .autonomy
        .map(|kind| signals::autonomy::mentions(doc, kind))
        .unwrap_or_default();
    out.push(Evidence {
        level,
        vote,
        weight: WEIGHTS.of(vote),
        reason: reason.into(),
        spans: spans.into_iter().take(1).collect(),
    });
    out
}

/// "1 year", "3 years", "1.5 years": a number of years with the noun in agreement.
pub fn years(y: f64) -> String {
    if y == 1.0 {
        "1 year".to_string()
    } else {
        format!("{} years", fmt_years(y))
    }
}

/// "3", "1.5": years without a trailing ".0".
pub fn fmt_years(y: f64) -> String {
    if y.fract() == 0.0 {
        format!("{y:.0}")
    } else {
        format!("{y}")
    }
}
