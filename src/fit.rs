//! Fitting the scorer's weights to annotated postings, and telling how well they carry over.
//!
//! The scorer is a weighted vote (see [`crate::scorer`]): each piece of evidence votes for a
//! level with the weight of its kind. Fitting searches one weight at a time over a small grid
//! (coordinate search) for the weights that read the most annotated postings' level right,
//! exactly and within one rung. The years weight is held fixed: scaling every weight alike
//! changes no answer, so one weight sets the scale. k-fold cross-validation fits on all folds
//! but one and scores the one left out, so the figure it reports is one for postings the
//! weights never saw. `rung fit` runs both; the fitted table is pasted into `scorer::WEIGHTS`.

use crate::level::Level;
use crate::posting::Evidence;
use crate::scorer::{decide, Vote, Weights};

/// One annotated posting: the votes rung gathered and the level annotators gave it
/// (`None`: undetermined).
pub struct Sample {
    pub id: String,
    pub evidence: Vec<Evidence>,
    pub gold: Option<Level>,
}

/// How often a set of weights reads the level right.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Score {
    pub exact: f64,
    pub within1: f64,
}

impl Score {
    /// What fitting maximises: exact answers first, near misses half as much.
    fn objective(self) -> f64 {
        self.exact + 0.5 * self.within1
    }
}

/// The values each weight may take.
pub const GRID: &[f64] = &[
    0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0, 5.0,
];
/// The values the undetermined threshold may take.
const THRESHOLDS: &[f64] = &[0.25, 0.5, 0.75, 1.0];
/// Passes over all weights; the search stops earlier when a pass changes nothing.
const ROUNDS: usize = 6;

/// The level `weights` give one sample.
pub fn predict(sample: &Sample, weights: &Weights) -> Option<Level> {
    decide(&sample.evidence, weights).map(|(level, _)| level)
}

/// Whether a predicted level is the gold one, and whether it is within one rung.
fn judge(gold: Option<Level>, predicted: Option<Level>) -> (bool, bool) {
    let within = matches!((gold, predicted), (Some(g), Some(p)) if g.distance(p) <= 1);
    (gold == predicted, within)
}

/// The share of `samples` whose level `weights` read right.
pub fn score(samples: &[&Sample], weights: &Weights) -> Score {
    let pairs = samples.iter().map(|s| (s.gold, predict(s, weights)));
    tally(pairs, samples.len())
}

fn tally(pairs: impl Iterator<Item = (Option<Level>, Option<Level>)>, n: usize) -> Score {
    let (mut exact, mut within1) = (0usize, 0usize);
    for (gold, predicted) in pairs {
        let (e, w) = judge(gold, predicted);
        exact += usize::from(e);
        within1 += usize::from(w);
    }
    let n = n.max(1) as f64;
    Score {
        exact: exact as f64 / n,
        within1: within1 as f64 / n,
    }
}

/// The weights, starting from `start`, that score best on `samples`. A weight moves only
/// when another value scores clearly better, so the shipped value stays on a tie.
pub fn fit(samples: &[&Sample], start: &Weights) -> Weights {
    let mut weights = start.clone();
    for _ in 0..ROUNDS {
        let mut moved = false;
        for vote in Weights::votes().filter(|v| *v != Vote::RequiredYears) {
            moved |= improve(samples, &mut weights, GRID, |w| w.slot(vote));
        }
        moved |= improve(samples, &mut weights, THRESHOLDS, |w| {
            &mut w.undetermined_below
        });
        if !moved {
            break;
        }
    }
    weights
}

/// How many postings' worth of objective a new value must gain to replace the current one:
/// a weight that moves to flip a single posting learns that posting, not a rule.
const MIN_GAIN_POSTINGS: f64 = 1.5;

/// Sets one weight to the value of `grid` that scores best, if it beats the current value by
/// [`MIN_GAIN_POSTINGS`].
fn improve(
    samples: &[&Sample],
    weights: &mut Weights,
    grid: &[f64],
    slot: impl Fn(&mut Weights) -> &mut f64,
) -> bool {
    let margin = MIN_GAIN_POSTINGS / samples.len().max(1) as f64;
    let mut best = score(samples, weights).objective();
    let mut choice = None;
    let mut trial = weights.clone();
    for &value in grid {
        *slot(&mut trial) = value;
        let objective = score(samples, &trial).objective();
        if objective > best + margin {
            best = objective;
            choice = Some(value);
        }
    }
    if let Some(value) = choice {
        *slot(weights) = value;
    }
    choice.is_some()
}

/// Which of `folds` folds a sample is in: a hash of its id, so the split does not follow the
/// order of the files (which groups postings by source) and is the same on every run.
pub fn fold_of(id: &str, folds: usize) -> usize {
    // FNV-1a: stable across platforms and Rust versions, unlike the std hasher.
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    (hash % folds as u64) as usize
}

/// The score of weights fitted without each fold on that fold, over all samples.
pub fn cross_validate(samples: &[Sample], folds: usize, start: &Weights) -> Score {
    let mut pairs = Vec::with_capacity(samples.len());
    for fold in 0..folds {
        let (held, train): (Vec<&Sample>, Vec<&Sample>) =
            samples.iter().partition(|s| fold_of(&s.id, folds) == fold);
        let weights = fit(&train, start);
        pairs.extend(held.iter().map(|s| (s.gold, predict(s, &weights))));
    }
    tally(pairs.into_iter(), samples.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scorer::WEIGHTS;

    fn vote(level: Level, vote: Vote) -> Evidence {
        Evidence {
            level,
            vote,
            weight: 0.0,
            reason: String::new(),
            spans: Vec::new(),
        }
    }

    /// Postings where leading work (mid-senior) competes with an "entry level" phrase, and the
    /// annotators side with leading work: fitting must learn that leads_work outweighs it.
    fn samples() -> Vec<Sample> {
        (0..20)
            .map(|i| Sample {
                id: format!("p{i}"),
                evidence: vec![
                    vote(Level::MidSenior, Vote::LeadsWork),
                    vote(Level::Entry, Vote::LevelPhrase(Level::Entry)),
                ],
                gold: Some(Level::MidSenior),
            })
            .collect()
    }

    #[test]
    fn fitting_learns_which_vote_wins() {
        let samples = samples();
        let all: Vec<&Sample> = samples.iter().collect();
        let mut start = WEIGHTS.clone();
        start.leads_work = 0.5;
        start.level_phrase[Level::Entry.rank()] = 1.5;
        assert_eq!(score(&all, &start).exact, 0.0);
        let fitted = fit(&all, &start);
        assert_eq!(score(&all, &fitted).exact, 1.0);
        assert!(fitted.leads_work > fitted.level_phrase[Level::Entry.rank()]);
        assert_eq!(fitted.required_years, start.required_years);
    }

    #[test]
    fn cross_validation_scores_every_sample_once() {
        let samples = samples();
        let mut start = WEIGHTS.clone();
        start.leads_work = 0.5;
        start.level_phrase[Level::Entry.rank()] = 1.5;
        // Every fold's training set teaches the same lesson, so every held-out sample is right.
        assert_eq!(cross_validate(&samples, 5, &start).exact, 1.0);
    }

    #[test]
    fn folds_are_stable_and_spread() {
        assert_eq!(
            fold_of("emscad-2a45938070", 5),
            fold_of("emscad-2a45938070", 5)
        );
        let mut sizes = [0usize; 5];
        for i in 0..500 {
            sizes[fold_of(&format!("posting-{i}"), 5)] += 1;
        }
        assert!(sizes.iter().all(|&n| (70..=130).contains(&n)), "{sizes:?}");
    }
}
