//! Every pitfall of SPEC.md as a case: a short posting and the values rung must extract.
//! One table per signal, run against the shipped lexicons.

mod common;

use std::sync::LazyLock;

use rung::posting::{Analysis, Autonomy};
use rung::{Analyzer, Level, Posting};

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(|| Analyzer::with_defaults().unwrap());

fn analyze(title: &str, description: &str) -> Analysis {
    ANALYZER.analyze(&Posting::new("test", title, description))
}

struct Years {
    name: &'static str,
    text: &'static str,
    min: Option<f64>,
    max: Option<f64>,
    preferred: Option<f64>,
}

#[test]
fn years_requirements() {
    let cases = [
        Years { name: "plus", text: "Requirements:\n- 5+ years of experience in data engineering", min: Some(5.0), max: None, preferred: None },
        Years { name: "range hyphen", text: "3-5 years of experience as a data scientist.", min: Some(3.0), max: Some(5.0), preferred: None },
        Years { name: "range en dash", text: "2\u{2013}3 years of experience in data engineering.", min: Some(2.0), max: Some(3.0), preferred: None },
        Years { name: "range to", text: "You have 2 to 4 years of professional experience.", min: Some(2.0), max: Some(4.0), preferred: None },
        Years { name: "between", text: "Between 3 and 6 years of relevant experience.", min: Some(3.0), max: Some(6.0), preferred: None },
        Years { name: "spelled and bracketed", text: "A minimum of five (5) years of working experience is required.", min: Some(5.0), max: None, preferred: None },
        Years { name: "spelled or more", text: "Four or more years of relevant experience required.", min: Some(4.0), max: None, preferred: None },
        Years { name: "more than", text: "More than three years of experience in an ML engineer role.", min: Some(3.0), max: None, preferred: None },
        Years { name: "months", text: "At least 18 months of experience in customer support.", min: Some(1.5), max: None, preferred: None },
        Years { name: "overall and skill", text: "5+ years of software development experience and 2+ years of Python experience.", min: Some(5.0), max: None, preferred: None },
        Years { name: "alternatives", text: "Bachelor's degree and 4 years of experience, or Master's degree and 2 years of experience.", min: Some(2.0), max: None, preferred: None },
        Years { name: "degree path without years", text: "PhD, or MSc with 5+ years of industry experience.", min: Some(0.0), max: None, preferred: None },
        Years { name: "degree path in brackets", text: "Ph.D. (or MS with 4+ years of post-MS experience) in Data Science.", min: Some(0.0), max: None, preferred: None },
        Years { name: "either degree and years", text: "Bachelor's or Master's degree and 5 years of experience.", min: Some(5.0), max: None, preferred: None },
        Years { name: "degree paths and a skill", text: "BS, or MS with 3 years of experience, and 2 years of SQL experience.", min: Some(2.0), max: None, preferred: None },
        Years { name: "no experience", text: "No experience required: we train you.", min: Some(0.0), max: None, preferred: None },
        Years { name: "no prior experience is necessary", text: "No prior experience is necessary.", min: Some(0.0), max: None, preferred: None },
        Years { name: "up to", text: "Recent graduates or up to 2 years of relevant experience.", min: Some(0.0), max: Some(2.0), preferred: None },
        Years { name: "preferred only", text: "Ideally 5 years of experience in retail analytics.", min: None, max: None, preferred: Some(5.0) },
        Years { name: "is a plus", text: "3 years of experience with Spark is a plus.", min: None, max: None, preferred: Some(3.0) },
        Years { name: "required and preferred", text: "Requirements:\n- 3 years of experience in SQL\nNice to have:\n- 5 years of experience in dbt", min: Some(3.0), max: None, preferred: Some(5.0) },
        Years { name: "preferably qualifies the domain", text: "5-7 years of experience in analytics, preferably in CRM.", min: Some(5.0), max: Some(7.0), preferred: None },
        Years { name: "company age", text: "Founded 25 years ago, we have 20 years of experience in retail.", min: None, max: None, preferred: None },
        Years { name: "company history", text: "For more than 15 years, we have been selling networking equipment with experience.", min: None, max: None, preferred: None },
        Years { name: "benefit after a year", text: "Benefits:\n- Extra leave after 2 years of service\n- Pension after 1 year", min: None, max: None, preferred: None },
        Years { name: "contract length", text: "This is a 2-year contract for an experienced analyst.", min: None, max: None, preferred: None },
        Years { name: "age limit", text: "Candidates must be 18 years of age or older and have experience.", min: None, max: None, preferred: None },
        Years { name: "degree length", text: "A 4-year degree and experience with Excel.", min: None, max: None, preferred: None },
        Years { name: "lookback period", text: "No driving violations in the past 5 years; experience driving vans.", min: None, max: None, preferred: None },
        Years { name: "salary per year", text: "Salary $80,000 per year, experience with Python required.", min: None, max: None, preferred: None },
        Years { name: "glued list items", text: "Strong foundations in ML Ops at scale4+ years of industry experience in modeling", min: Some(4.0), max: None, preferred: None },
        Years { name: "broken line", text: "Education & Experience\n3+ years\n of professional experience as a Data Engineer.", min: Some(3.0), max: None, preferred: None },
        Years { name: "less than", text: "Candidates with <1 year of professional experience.", min: Some(0.0), max: Some(1.0), preferred: None },
    ];
    for c in cases {
        let e = analyze("Analyst", c.text).experience;
        assert_eq!(
            (e.min_years, e.max_years, e.preferred_years),
            (c.min, c.max, c.preferred),
            "{}: {:?}",
            c.name,
            c.text
        );
    }
}

#[test]
fn years_spans_point_at_the_original_text() {
    let text = "Requirements\n\u{2022} At least five (5) years\u{00A0}of experience";
    let a = analyze("Analyst", text);
    let m = &a.experience.mentions[0];
    assert_eq!(&text[m.span.start..m.span.end], m.span.text);
    assert_eq!(m.span.text, "At least five (5) years");
    assert_eq!((m.span.line, m.span.column), (2, 3));
}

#[test]
fn degree_requirements() {
    /// (name, text, level, required, or_equivalent, enrolled)
    type Case = (
        &'static str,
        &'static str,
        Option<&'static str>,
        Option<bool>,
        bool,
        bool,
    );
    let cases: &[Case] = &[
        (
            "bachelor",
            "Bachelor's degree in Computer Science.",
            Some("bachelor"),
            Some(true),
            false,
            false,
        ),
        (
            "lowest of several",
            "Bachelor's or Master's degree in Statistics.",
            Some("bachelor"),
            Some(true),
            false,
            false,
        ),
        (
            "master or phd",
            "Master's or PhD in Physics.",
            Some("master"),
            Some(true),
            false,
            false,
        ),
        (
            "abbreviations",
            "BS/MS/PhD in a quantitative field.",
            Some("bachelor"),
            Some(true),
            false,
            false,
        ),
        (
            "unspecified degree",
            "A university degree in Economics.",
            Some("bachelor"),
            Some(true),
            false,
            false,
        ),
        (
            "or equivalent experience",
            "Bachelor's degree or equivalent practical experience.",
            Some("bachelor"),
            Some(true),
            true,
            false,
        ),
        (
            "or years instead",
            "Bachelor's degree or four years of work experience.",
            Some("bachelor"),
            Some(true),
            true,
            false,
        ),
        (
            "equivalent subject is not experience",
            "Bachelor's degree in Statistics or equivalent quantitative discipline.",
            Some("bachelor"),
            Some(true),
            false,
            false,
        ),
        (
            "preferred",
            "A Master's degree is preferred.",
            Some("master"),
            Some(false),
            false,
            false,
        ),
        (
            "required and preferred",
            "Bachelor's degree required, Master's preferred.",
            Some("bachelor"),
            Some(true),
            false,
            false,
        ),
        (
            "high school",
            "High school diploma or GED.",
            Some("high-school"),
            Some(true),
            false,
            false,
        ),
        (
            "no degree",
            "No degree required, just curiosity.",
            Some("none"),
            Some(false),
            false,
            false,
        ),
        (
            "enrolled student",
            "You are currently enrolled in a Master's programme in Data Science.",
            None,
            None,
            false,
            true,
        ),
        (
            "not enrolled",
            "You must not be currently enrolled in a degree program.",
            None,
            None,
            false,
            false,
        ),
        (
            "ms office is not a degree",
            "Good knowledge of MS Office and Excel.",
            None,
            None,
            false,
            false,
        ),
        (
            "degree of autonomy",
            "You will enjoy a high degree of autonomy.",
            None,
            None,
            false,
            false,
        ),
        (
            "licences are not degrees",
            "A valid driving licence and CPA certification.",
            None,
            None,
            false,
            false,
        ),
        (
            "scrum master",
            "Experience working with a Scrum Master.",
            None,
            None,
            false,
            false,
        ),
    ];
    for (name, text, level, required, equivalent, enrolled) in cases {
        let d = analyze("Analyst", text).degree;
        assert_eq!(
            (d.level, d.required, d.or_equivalent, d.enrolled_student),
            (*level, *required, *equivalent, *enrolled),
            "{name}: {text:?}"
        );
    }
}

#[test]
fn leadership_signals() {
    // (name, text, [people_management, mentoring, leads_work, strategy, budget])
    let cases: &[(&str, &str, [bool; 5])] = &[
        (
            "manages a team",
            "You will manage a team of five analysts.",
            [true, false, false, false, false],
        ),
        (
            "direct reports",
            "You will have three direct reports.",
            [true, false, false, false, false],
        ),
        (
            "reports to is not managing",
            "This role reports to the Director of Analytics.",
            [false; 5],
        ),
        (
            "works in a team",
            "You will work in a team of ten engineers.",
            [false; 5],
        ),
        (
            "mentors juniors",
            "Mentor junior data scientists and review their code.",
            [false, true, false, false, false],
        ),
        (
            "is mentored",
            "You will be mentored by senior engineers.",
            [false; 5],
        ),
        (
            "mentoring programme is a benefit",
            "Benefits:\n- A mentoring programme and training budget",
            [false; 5],
        ),
        (
            "leads projects",
            "Lead data science projects from idea to production.",
            [false, false, true, false, false],
        ),
        (
            "a leading company",
            "We are a leading provider of data solutions and projects.",
            [false; 5],
        ),
        (
            "sets strategy",
            "Define the data strategy for the whole company.",
            [false, false, false, true, false],
        ),
        (
            "budget",
            "You will own the budget of the analytics function.",
            [false, false, false, false, true],
        ),
    ];
    for (name, text, want) in cases {
        let got = common::leadership_flags(&analyze("Analyst", text).leadership);
        assert_eq!(&got, want, "{name}: {text:?}");
    }
}

#[test]
fn autonomy_signals() {
    let cases: &[(&str, Option<Autonomy>)] = &[
        (
            "You work independently and own your projects end-to-end.",
            Some(Autonomy::High),
        ),
        (
            "A self-starter who needs minimal supervision.",
            Some(Autonomy::High),
        ),
        (
            "You will work under the supervision of a senior analyst.",
            Some(Autonomy::Low),
        ),
        (
            "Training will be provided and you will learn from experienced colleagues.",
            Some(Autonomy::Low),
        ),
        ("Able to work independently and as part of a team.", None),
        ("We build autonomous vehicles.", None),
        ("We sell shoes.", None),
    ];
    for (text, want) in cases {
        assert_eq!(analyze("Analyst", text).autonomy, *want, "{text:?}");
    }
}

#[test]
fn title_levels() {
    let cases: &[(&str, Option<Level>)] = &[
        ("Senior Data Scientist", Some(Level::MidSenior)),
        ("Sr. Data Engineer", Some(Level::MidSenior)),
        ("Junior Data Analyst", Some(Level::Entry)),
        ("Data Science Intern", Some(Level::Internship)),
        (
            "Werkstudent Data Analytics (m/w/d)",
            Some(Level::Internship),
        ),
        ("Associate Data Scientist", Some(Level::Associate)),
        ("Data Engineer II", Some(Level::MidSenior)),
        ("Data Scientist I", Some(Level::Entry)),
        ("Head of Data", Some(Level::Director)),
        ("Associate Director, Analytics", Some(Level::Director)),
        ("VP of Engineering", Some(Level::Executive)),
        ("Chief Data Officer", Some(Level::Executive)),
        ("Senior Consultant / Manager", Some(Level::MidSenior)),
        ("Junior / Senior Developer", Some(Level::Entry)),
        ("(Senior) Data Scientist", None),
        ("(Junior) Data Scientist (m/w/d)", Some(Level::Entry)),
        (
            "Data Scientist (Junior, Senior and Manager)",
            Some(Level::Entry),
        ),
        ("Executive Assistant", None),
        ("Account Executive", None),
        ("Sales Associate", None),
        ("Funeral Director", None),
        ("Lead Generation Specialist", None),
        ("Senior Living Caregiver", None),
        ("Staff Accountant", None),
        ("Data Scientist", None),
        ("Executive Assistant to the CEO", None),
        ("Assistant to the Managing Director", None),
        ("Personal Assistant for the Head of Music", None),
        ("Office Coordinator reporting to the VP of Sales", None),
        ("Junior Assistant to the Director", Some(Level::Entry)),
        ("Customer Service Associate - Part Time", None),
        ("Branch Associate", None),
        ("Client Service Associate (Remote)", None),
        ("Senior Associate, Audit", Some(Level::MidSenior)),
        ("Associate Product Manager", Some(Level::Associate)),
        ("Software Engineer, Associate", Some(Level::Associate)),
        ("Hiring for Senior Engineers", Some(Level::MidSenior)),
        (
            "Financial Reporting Senior Specialist",
            Some(Level::MidSenior),
        ),
        ("Business Admin Apprenticeship", Some(Level::Entry)),
    ];
    for (title, want) in cases {
        assert_eq!(analyze(title, "").title_level, *want, "{title}");
    }
}

#[test]
fn implied_level_reads_the_description_not_the_title() {
    let a = analyze(
        "Junior Data Analyst",
        "Requirements:\n- 7+ years of experience in SQL reporting",
    );
    assert_eq!(a.implied_level, Some(Level::MidSenior));
    let a = analyze(
        "Senior Data Analyst",
        "No experience required. Training is provided.",
    );
    assert_eq!(a.implied_level, Some(Level::Entry));
    let a = analyze(
        "Working Student Data",
        "You are currently enrolled in a Bachelor's programme.",
    );
    assert_eq!(a.implied_level, Some(Level::Internship));
    assert_eq!(
        analyze("Data Scientist", "We sell shoes.").implied_level,
        None
    );
}

#[test]
fn analysing_twice_gives_the_same_result() {
    let text = include_str!("../corpora/en/junior-with-seven-years.md");
    let first = serde_json::to_string(&analyze("Junior Data Analyst", text)).unwrap();
    let second = serde_json::to_string(&analyze("Junior Data Analyst", text)).unwrap();
    assert_eq!(first, second);
}

#[test]
fn a_named_degree_beside_an_unspecified_one_says_which() {
    let d = analyze("Analyst", "A degree (MSc/PhD) in a quantitative subject.").degree;
    assert_eq!(d.level, Some("master"));
    let d = analyze("Analyst", "A university degree, preferably a Master's.").degree;
    assert_eq!((d.level, d.required), (Some("bachelor"), Some(true)));
    let d = analyze(
        "Analyst",
        "You will work with scrum masters and product owners.",
    )
    .degree;
    assert_eq!(d.level, None);
}

/// Regression: a figure that runs across a line break ("al menos \n3 años\n desempeñando")
/// ended past its sentence and panicked when its scope was read.
#[test]
fn a_figure_across_line_breaks_does_not_panic() {
    let a = analyze(
        "Analista",
        "Buscamos a una persona con experiencia de al menos \n3 años\n desempeñando funciones.",
    );
    assert_eq!(a.experience.min_years, Some(3.0));
    let a = analyze("Analyst", "Experience of at least \n3 years\n. Then more.");
    assert_eq!(a.experience.min_years, Some(3.0));
}
