//! Years as every trade states them: a figure attached to a role, field or duty counts
//! without the word "experience"; the exclusions still hold; and "preferred" is decided per
//! item, or by the heading over a list.

use std::sync::LazyLock;

use rung::posting::Analysis;
use rung::{Analyzer, Posting};

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(|| Analyzer::with_defaults().unwrap());

fn analyze(description: &str) -> Analysis {
    ANALYZER.analyze(&Posting::new("test", "Associate", description))
}

struct Case {
    name: &'static str,
    text: &'static str,
    min: Option<f64>,
    max: Option<f64>,
    preferred: Option<f64>,
}

fn check(cases: &[Case]) {
    let mut failures = Vec::new();
    for c in cases {
        let e = analyze(c.text).experience;
        if (e.min_years, e.max_years, e.preferred_years) != (c.min, c.max, c.preferred) {
            failures.push(format!(
                "{}: got min {:?} max {:?} preferred {:?}, want {:?} {:?} {:?}",
                c.name, e.min_years, e.max_years, e.preferred_years, c.min, c.max, c.preferred
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn figures_attached_to_a_role_field_or_duty() {
    check(&[
        Case {
            name: "as a role",
            text: "Requirements:\n- 6 years as a litigation paralegal",
            min: Some(6.0),
            max: None,
            preferred: None,
        },
        Case {
            name: "in a field",
            text: "You bring 5 years in retail management.",
            min: Some(5.0),
            max: None,
            preferred: None,
        },
        Case {
            name: "of a duty",
            text: "2 years of customer service required.",
            min: Some(2.0),
            max: None,
            preferred: None,
        },
        Case {
            name: "spelled, in a role",
            text: "Two years in a supervisory role.",
            min: Some(2.0),
            max: None,
            preferred: None,
        },
        Case {
            name: "of a trade",
            text: "At least 5 years of long-term care nursing.",
            min: Some(5.0),
            max: None,
            preferred: None,
        },
        Case {
            name: "in an environment",
            text: "A minimum of 1 year in a call center environment.",
            min: Some(1.0),
            max: None,
            preferred: None,
        },
        Case {
            name: "a year after at least",
            text: "You have at least a year's experience teaching young children.",
            min: Some(1.0),
            max: None,
            preferred: None,
        },
        Case {
            name: "yrs",
            text: "The ideal candidate has a minimum of 10 yrs experience on lathes.",
            min: Some(10.0),
            max: None,
            preferred: None,
        },
        Case {
            name: "months doing",
            text: "6 months working in a warehouse.",
            min: Some(0.5),
            max: None,
            preferred: None,
        },
        Case {
            name: "verb in -ing",
            text: "3+ years selling insurance to small businesses.",
            min: Some(3.0),
            max: None,
            preferred: None,
        },
        Case {
            name: "have a figure",
            text: "You will have 4+ years hand-coding HTML and CSS.",
            min: Some(4.0),
            max: None,
            preferred: None,
        },
        Case {
            name: "hyphenated after minimum",
            text: "Minimum of 1-year customer service related experience required.",
            min: Some(1.0),
            max: None,
            preferred: None,
        },
        Case {
            name: "slash range",
            text: "2/3 years as a data analyst.",
            min: Some(2.0),
            max: Some(3.0),
            preferred: None,
        },
        Case {
            name: "months to years",
            text: "6 months to 2 years of experience in a bakery.",
            min: Some(0.5),
            max: Some(2.0),
            preferred: None,
        },
    ]);
}

#[test]
fn exclusions_still_hold() {
    check(&[
        Case { name: "in a row", text: "Named a great place to work three years in a row. Experience in sales.", min: None, max: None, preferred: None },
        Case { name: "year-old", text: "Art for 16-24 year-old readers; work in illustration.", min: None, max: None, preferred: None },
        Case { name: "or older", text: "Requirements:\n- Must be 16 years or older\n- Retail work experience", min: None, max: None, preferred: None },
        Case { name: "a year without at least", text: "Once a year we meet in Lisbon; experience in sales helps.", min: None, max: None, preferred: None },
        Case { name: "in business for", text: "We have been in business for 12 years in the flooring trade, working with experienced fitters.", min: None, max: None, preferred: None },
        Case { name: "degree length after minimum", text: "A minimum 4-year degree and experience with Excel.", min: None, max: None, preferred: None },
        Case { name: "college after the figure", text: "Graduation from a four year college or university and experience in appraisal.", min: None, max: None, preferred: None },
        Case { name: "salary a year", text: "Pay is $40,000 a year; experience in sales required.", min: None, max: None, preferred: None },
        Case { name: "months beginning", text: "Able to commit for 3-6 months beginning in September, working with our team.", min: None, max: None, preferred: None },
        Case { name: "benefits after a year", text: "Requirements:\n- 2 years in retail\nBenefits\n- 401k after 1 year of employment\n- 3 years of service awards", min: Some(2.0), max: None, preferred: None },
        Case { name: "company based on", text: "Our product is based on 15 years of research in working memory.", min: None, max: None, preferred: None },
    ]);
}

#[test]
fn about_us_ends_with_its_paragraph() {
    check(&[
        Case { name: "job after the company paragraph", text: "About us\nAcme sells shoes in five countries.\n\nWe need a cashier with 3 years of experience in retail sales.", min: Some(3.0), max: None, preferred: None },
        Case { name: "heading glued after a bracket", text: "About us\nWe place engineers (see our site.)Job Requirements:Ideal candidate will have a minimum of 10 yrs experience.", min: Some(10.0), max: None, preferred: None },
        Case { name: "benefits stay benefits", text: "Requirements:\n- 2 years in retail\nBenefits\n\n- A 401k plan after 1 year of work experience with us", min: Some(2.0), max: None, preferred: None },
    ]);
}

#[test]
fn preferred_is_per_item() {
    check(&[
        Case { name: "trailing marker is an item", text: "Requirements:\n- CPA preferred\n- 3 years in public accounting", min: Some(3.0), max: None, preferred: None },
        Case { name: "trailing a plus", text: "Qualifications\nSpanish a plus\n4 years as a bookkeeper", min: Some(4.0), max: None, preferred: None },
        Case { name: "marker opening the next sentence", text: "Qualifications: 5+ years in hotel operations. Preferable bilingual (Spanish).", min: Some(5.0), max: None, preferred: None },
        Case { name: "marker on its own item", text: "Requirements:\n- 2 years of customer service experience preferred\n- 1 year in a call center", min: Some(1.0), max: None, preferred: Some(2.0) },
        Case { name: "heading governs its list", text: "Requirements:\n- 2 years in retail\nNice to have\n- 4 years in a supervisory role", min: Some(2.0), max: None, preferred: Some(4.0) },
        Case { name: "preferred qualifications heading", text: "Preferred Qualifications:\n- 3 years as a paralegal\n- Notary licence", min: None, max: None, preferred: Some(3.0) },
        Case { name: "linkedin's desired skills heading", text: "Desired Skills and Experience\nMinimum of 2-5 years of proven sales experience", min: Some(2.0), max: Some(5.0), preferred: None },
        Case { name: "trailing marker after the figure", text: "Requirements:\n- 3 years of experience in retail, preferred", min: None, max: None, preferred: Some(3.0) },
    ]);
}
