//! Autonomy and degree read in postings of every occupation (care, retail, call centres,
//! trades, admin, legal, finance), in English, French and Portuguese: short sentences of
//! our own, one per rule.

use std::sync::LazyLock;

use rung::posting::{Analysis, Autonomy};
use rung::{Analyzer, Posting};

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(|| Analyzer::with_defaults().unwrap());

fn analyze(lang: &str, description: &str) -> Analysis {
    let mut posting = Posting::new("test", "Assistant", description);
    posting.lang = Some(lang.to_string());
    ANALYZER.analyze(&posting)
}

#[test]
fn autonomy_across_occupations() {
    use Autonomy::{High, Low};
    let cases: &[(&str, &str, Option<Autonomy>)] = &[
        // Low: works to someone else's direction, helps senior staff, is trained.
        (
            "en",
            "Duties:\n- Take direction from the shift supervisor and follow safety rules.",
            Some(Low),
        ),
        (
            "en",
            "Duties:\n- Follow instructions from the head chef during service.",
            Some(Low),
        ),
        (
            "en",
            "Duties:\n- Assist the office manager with filing and scheduling.",
            Some(Low),
        ),
        (
            "en",
            "Duties:\n- Support the senior attorneys with document review.",
            Some(Low),
        ),
        (
            "en",
            "Duties:\n- Provide administrative support to the finance team.",
            Some(Low),
        ),
        (
            "en",
            "In your first months you will be coached by our experienced staff.",
            Some(Low),
        ),
        (
            "en",
            "You will learn from experienced technicians on every job.",
            Some(Low),
        ),
        (
            "en",
            "Under general supervision, the clerk processes invoices.",
            Some(Low),
        ),
        (
            "en",
            "Works under direction of the charge nurse.",
            Some(Low),
        ),
        // High: works unsupervised, manages their own workload, owns the work.
        (
            "en",
            "Requirements:\n- Self-motivated and reliable.",
            Some(High),
        ),
        (
            "en",
            "Requirements:\n- Able to work unsupervised on customer sites.",
            Some(High),
        ),
        (
            "en",
            "Requirements:\n- Able to manage your own workload in a busy salon.",
            Some(High),
        ),
        (
            "en",
            "Requirements:\n- Comfortable working with little day-to-day direction.",
            Some(High),
        ),
        (
            "en",
            "Requirements:\n- Completes installs with or without direct supervision.",
            Some(High),
        ),
        (
            "en",
            "You will own the entire sales cycle from first call to close.",
            Some(High),
        ),
        // Not about the candidate working alone.
        ("en", "Experience with unsupervised learning methods.", None),
        (
            "en",
            "Duties:\n- Assist customers at the till and keep the shop floor tidy.",
            None,
        ),
        (
            "en",
            "We are guided by the principles of care and respect.",
            None,
        ),
        (
            "en",
            "Duties:\n- Educate and assist patients in choosing frames and lenses.",
            None,
        ),
        (
            "en",
            "Requirements:\n- Will own each campaign from conception to launch.",
            Some(High),
        ),
        // French: guided by a tutor.
        (
            "fr",
            "Vous serez accompagné(e) par votre tuteur tout au long de votre alternance.",
            Some(Low),
        ),
        (
            "fr",
            "Vous progresserez grâce à l'accompagnement quotidien de votre responsable.",
            Some(Low),
        ),
    ];
    let wrong: Vec<String> = cases
        .iter()
        .filter(|(lang, text, want)| analyze(lang, text).autonomy != *want)
        .map(|(_, text, want)| format!("{text:?}: want {want:?}"))
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn degrees_across_occupations() {
    /// (lang, text, level, required)
    type Case = (
        &'static str,
        &'static str,
        Option<&'static str>,
        Option<bool>,
    );
    let cases: &[Case] = &[
        // A diploma offered beside a degree is the lower, vocational path.
        (
            "en",
            "Requirements:\n- Diploma or Bachelor of Science in Nursing.",
            Some("vocational"),
            Some(true),
        ),
        (
            "en",
            "Requirements:\n- Bachelor's degree or diploma in accounting.",
            Some("vocational"),
            Some(true),
        ),
        // A high school diploma stays a high school diploma, however it is written.
        (
            "en",
            "Requirements:\n- HS diploma or equivalent.",
            Some("high-school"),
            Some(true),
        ),
        (
            "en",
            "Requirements:\n- Highschool Diploma or GED required.",
            Some("high-school"),
            Some(true),
        ),
        // "(Not required)" after the degree makes it a preference.
        (
            "en",
            "Qualifications:\n- Bachelor's degree in business. (Not Required)",
            Some("bachelor"),
            Some(false),
        ),
        (
            "en",
            "Qualifications:\n- Bachelor's degree required; experience not required.",
            Some("bachelor"),
            Some(true),
        ),
        // A preference passes along "or": both degrees are preferred.
        (
            "en",
            "Education: bachelor's or higher degree in hospitality preferred.",
            Some("bachelor"),
            Some(false),
        ),
        (
            "en",
            "Qualifications:\n- A degree is not required.",
            Some("none"),
            Some(false),
        ),
        // Two degrees offered as alternatives: the lower stands.
        (
            "en",
            "Qualifications:\n- Engineering degree and/or MBA preferred.",
            Some("bachelor"),
            Some(false),
        ),
        // Still studying: no degree is required.
        (
            "en",
            "Requirements:\n- Expected completion of an MBA by June.",
            None,
            None,
        ),
        (
            "en",
            "Experience in higher education preferred.",
            None,
            None,
        ),
        // French.
        (
            "fr",
            "Profil : diplômé(e) d'un bac+ 5 en finance.",
            Some("master"),
            Some(true),
        ),
        (
            "fr",
            "Profil : titulaire d'un bac +2 en comptabilité.",
            Some("associate"),
            Some(true),
        ),
        (
            "fr",
            "Vous aimez l'apprentissage et le travail en équipe.",
            None,
            None,
        ),
        (
            "fr",
            "Profil : futur(e) diplômé(e) d'une école de commerce.",
            None,
            None,
        ),
        // Portuguese.
        (
            "pt",
            "Requisitos: Superior completo em Administração.",
            Some("bachelor"),
            Some(true),
        ),
        (
            "pt",
            "Requisitos: Educação superior completa em Contabilidade.",
            Some("bachelor"),
            Some(true),
        ),
        (
            "pt",
            "Requisitos: Superior ou Técnico completo em Enfermagem.",
            Some("vocational"),
            Some(true),
        ),
        (
            "pt",
            "Requisitos: Formação em Direito.",
            Some("bachelor"),
            Some(true),
        ),
        (
            "pt",
            "Desejável formação em Gestão de Pessoas.",
            Some("bachelor"),
            Some(false),
        ),
    ];
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|(lang, text, level, required)| {
            let d = analyze(lang, text).degree;
            let got = (d.level, d.required);
            (got != (*level, *required)).then(|| format!("{text:?}: got {got:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}
