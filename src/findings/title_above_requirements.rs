//! `title-above-requirements`: a Senior or higher title over requirements two or more rungs
//! lower (a Senior title asking no experience, a Director over an associate's work), or an
//! executive title over a role with no organisation-wide leadership. One rung lower is not
//! flagged: annotators call a Senior title over 1-2 years a mismatch once in nine postings.

use super::Context;
use crate::level::Level;
use crate::posting::{Finding, Severity};

pub fn check(cx: &Context) -> Option<Finding> {
    let a = cx.analysis;
    let title = a.title_level?;
    if title < Level::MidSenior {
        return None;
    }
    let no_experience = a.experience.min_years.is_some_and(|y| y < 1.0);
    let l = &a.leadership;
    let no_leadership =
        !(l.people_management || l.mentoring || l.leads_work || l.strategy || l.budget);
    // A director's or executive's title with no leadership at all: leadership-mismatch speaks.
    // Executive titles name more kinds of post ("General Manager" of a restaurant, a chapter's
    // "President"), so they need a wider gap; the hands-on rule below covers the rest.
    let gap = if title == Level::Executive { 3 } else { 2 };
    let far_below = a
        .implied_level
        .is_some_and(|i| i < title && i.distance(title) >= gap)
        && !(title >= Level::Director && no_leadership);
    // An executive title over a role that leads work but nothing organisation-wide (with no
    // leadership at all, leadership-mismatch speaks instead).
    let some_leadership = l.mentoring || l.leads_work;
    let hands_on_executive = title == Level::Executive
        && a.implied_level.is_some_and(|i| i <= Level::MidSenior)
        && some_leadership
        && !l.people_management
        && !l.strategy
        && !l.budget;
    if !no_experience && !far_below && !hands_on_executive {
        return None;
    }
    let mut spans = a.title_spans.clone();
    let message = if no_experience {
        spans.extend(cx.governing_years_span());
        format!("The title says {title}, but the requirements ask for little or no experience; the title oversells the role.")
    } else if far_below {
        spans.extend(cx.governing_years_span());
        let implied = a.implied_level.map_or("", |l| l.as_str());
        format!("The title says {title}, but the requirements describe {implied} work, two or more rungs lower; the title oversells the role.")
    } else {
        format!("The title says {title}, but the posting describes no organisation-wide leadership, strategy or budget.")
    };
    Some(Finding {
        code: "title-above-requirements",
        severity: Severity::Warning,
        message,
        spans,
    })
}
