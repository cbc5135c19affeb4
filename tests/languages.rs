//! Short hand-written postings per language: the years grammar (with number words), degree
//! mapping, a title marker and its false friend, a heading that makes an item preferred, and
//! language detection.

use rung::posting::Autonomy;
use rung::{Analysis, Analyzer, Level, Posting};

fn analyze(lang: &str, title: &str, description: &str) -> Analysis {
    let analyzer = Analyzer::with_defaults().unwrap();
    let mut posting = Posting::new("t", title, description);
    posting.lang = Some(lang.to_string());
    analyzer.analyze(&posting)
}

fn title(lang: &str, title: &str) -> Option<Level> {
    analyze(lang, title, "").title_level
}

struct Case {
    lang: &'static str,
    text: &'static str,
    min_years: Option<f64>,
    degree: Option<&'static str>,
    required: Option<bool>,
}

#[test]
fn years_and_degrees_per_language() {
    let cases = [
        Case { lang: "de", text: "Ihr Profil:\n- Mindestens drei Jahre Berufserfahrung\n- Abgeschlossenes Studium der Informatik", min_years: Some(3.0), degree: Some("bachelor"), required: Some(true) },
        Case { lang: "de", text: "Dein Profil:\n- Mehrjährige Berufserfahrung in der Softwareentwicklung\n- Studium oder vergleichbare Ausbildung", min_years: None, degree: Some("vocational"), required: Some(true) },
        Case { lang: "de", text: "Anforderungen:\n- 3-jährige Berufserfahrung im Bereich Data Science\n- Promotion ist von Vorteil", min_years: Some(3.0), degree: Some("doctorate"), required: Some(false) },
        Case { lang: "nl", text: "Wat vragen wij:\n- 3+ jaar werkervaring als ontwikkelaar\n- HBO werk- en denkniveau", min_years: Some(3.0), degree: Some("bachelor"), required: Some(true) },
        Case { lang: "nl", text: "Functie-eisen:\n- Je hebt twee jaar ervaring met Python\n- Een afgeronde mbo-opleiding", min_years: Some(2.0), degree: Some("vocational"), required: Some(true) },
        Case { lang: "fr", text: "Profil recherché :\n- Au moins 3 ans d'expérience en développement\n- Bac+5 (école d'ingénieur ou master)", min_years: Some(3.0), degree: Some("master"), required: Some(true) },
        Case { lang: "fr", text: "Votre profil :\n- Deux ans d'expérience professionnelle\n- BTS ou DUT en informatique", min_years: Some(2.0), degree: Some("associate"), required: Some(true) },
        Case { lang: "es", text: "Requisitos:\n- Al menos 3 años de experiencia en análisis de datos\n- Grado en Informática o similar", min_years: Some(3.0), degree: Some("bachelor"), required: Some(true) },
        Case { lang: "es", text: "Requisitos:\n- Entre dos y cinco años de experiencia\n- Máster en Estadística", min_years: Some(2.0), degree: Some("master"), required: Some(true) },
        Case { lang: "it", text: "Requisiti:\n- Almeno 3 anni di esperienza nel ruolo\n- Laurea magistrale in Ingegneria", min_years: Some(3.0), degree: Some("master"), required: Some(true) },
        Case { lang: "it", text: "Requisiti:\n- Almeno due anni di esperienza\n- Diploma di scuola superiore", min_years: Some(2.0), degree: Some("high-school"), required: Some(true) },
        Case { lang: "pl", text: "Wymagania:\n- Minimum 3 lata doświadczenia komercyjnego\n- Wykształcenie wyższe techniczne", min_years: Some(3.0), degree: Some("bachelor"), required: Some(true) },
        Case { lang: "pl", text: "Wymagania:\n- Co najmniej pięć lat doświadczenia\n- Tytuł magistra", min_years: Some(5.0), degree: Some("master"), required: Some(true) },
        Case { lang: "pt", text: "Requisitos:\n- Pelo menos 3 anos de experiência em desenvolvimento\n- Mestrado em Ciência da Computação", min_years: Some(3.0), degree: Some("master"), required: Some(true) },
        Case { lang: "pt", text: "Requisitos:\n- Mais de dois anos de experiência\n- Ensino superior completo", min_years: Some(2.0), degree: Some("bachelor"), required: Some(true) },
    ];
    for c in cases {
        let a = analyze(c.lang, "Developer", c.text);
        assert_eq!(
            a.experience.min_years, c.min_years,
            "{}: {}",
            c.lang, c.text
        );
        assert_eq!(a.degree.level, c.degree, "{}: {}", c.lang, c.text);
        assert_eq!(a.degree.required, c.required, "{}: {}", c.lang, c.text);
    }
}

#[test]
fn adjudicated_cases() {
    let a = analyze(
        "de",
        "Entwickler:in (m/w/d)",
        "Dein Profil:\n- Abgeschlossenes Studium oder vergleichbare Ausbildung",
    );
    assert_eq!(a.degree.level, Some("vocational"));
    assert!(a.degree.or_equivalent);
    let a = analyze(
        "nl",
        "Developer",
        "Wat vragen wij:\n- HBO werk- en denkniveau\n- Een aantal jaar ervaring",
    );
    assert_eq!(
        (a.degree.level, a.degree.required),
        (Some("bachelor"), Some(true))
    );
    assert!(a.degree.or_equivalent);
    assert_eq!(a.experience.min_years, None);
    let a = analyze(
        "de",
        "Analyst",
        "Das bringst du mit:\n- Erste Berufserfahrung in der Datenanalyse",
    );
    assert_eq!(a.implied_level, Some(Level::Associate));
    let a = analyze(
        "de",
        "Analyst",
        "Das bringst du mit:\n- Langjährige Berufserfahrung im Controlling",
    );
    assert_eq!(a.experience.min_years, None);
}

#[test]
fn title_markers_and_false_friends() {
    let cases = [
        (
            "de",
            "Werkstudent Data Science (m/w/d)",
            Some(Level::Internship),
        ),
        (
            "de",
            "Teamleiter IT-Support (m/w/d)",
            Some(Level::MidSenior),
        ),
        ("de", "Abteilungsleiter Controlling", Some(Level::Director)),
        ("de", "Geschäftsführer (m/w/d)", Some(Level::Executive)),
        ("de", "Assistenz der Geschäftsführung (m/w/d)", None),
        ("nl", "Stagiair Marketing", Some(Level::Internship)),
        ("nl", "Medior Java Developer", Some(Level::MidSenior)),
        ("fr", "Stagiaire Data Analyst H/F", Some(Level::Internship)),
        ("fr", "Data Analyst Confirmé H/F", Some(Level::MidSenior)),
        ("fr", "Assistante de direction H/F", None),
        ("es", "Becario/a de Marketing", Some(Level::Internship)),
        ("es", "Asistente de dirección", None),
        ("it", "Stagista Ufficio Acquisti", Some(Level::Internship)),
        ("it", "Addetto/a Data Entry", None),
        ("pl", "Stażysta w dziale IT", Some(Level::Internship)),
        ("pl", "Młodszy Specjalista ds. Analiz", Some(Level::Entry)),
        ("pl", "Starszy Programista Java", Some(Level::MidSenior)),
        ("pl", "Kierownik Zespołu", Some(Level::MidSenior)),
        ("pt", "Estagiário de Dados", Some(Level::Internship)),
        ("pt", "Desenvolvedor Pleno", Some(Level::MidSenior)),
        ("pt", "Diretor de Arte", None),
    ];
    for (lang, t, want) in cases {
        assert_eq!(title(lang, t), want, "{lang}: {t}");
    }
}

#[test]
fn headings_make_items_preferred() {
    let cases = [
        (
            "de",
            "Anforderungen:\n- Java\n\nWünschenswert:\n- Abgeschlossenes Masterstudium",
        ),
        (
            "nl",
            "Functie-eisen:\n- Java\n\nPluspunten:\n- Een afgeronde masteropleiding",
        ),
        (
            "es",
            "Requisitos:\n- Java\n\nValorable:\n- Máster en Informática",
        ),
        (
            "it",
            "Requisiti:\n- Java\n\nCostituirà titolo preferenziale:\n- Laurea magistrale",
        ),
        (
            "pl",
            "Wymagania:\n- Java\n\nMile widziane:\n- Tytuł magistra",
        ),
        (
            "pt",
            "Requisitos:\n- Java\n\nDiferenciais:\n- Mestrado em Computação",
        ),
        (
            "fr",
            "Profil :\n- Java\n\nAtouts :\n- Master en informatique",
        ),
    ];
    for (lang, text) in cases {
        let a = analyze(lang, "Developer", text);
        assert_eq!(a.degree.required, Some(false), "{lang}: {text}");
    }
}

#[test]
fn english_phrases_count_inside_other_languages() {
    let a = analyze(
        "de",
        "Senior Data Engineer (m/w/d)",
        "Was du mitbringst:\n- 5+ years of experience with Spark\n- Du arbeitest selbstständig",
    );
    assert_eq!(a.title_level, Some(Level::MidSenior));
    assert_eq!(a.experience.min_years, Some(5.0));
    assert_eq!(a.autonomy, Some(Autonomy::High));
}

#[test]
fn other_languages_phrases_do_not_leak_into_english() {
    // "stage" is a Dutch internship, "hoofd" a Dutch head: neither means anything in English.
    let analyzer = Analyzer::with_defaults().unwrap();
    let a = analyzer.analyze(&Posting::new(
        "t",
        "Stage Manager",
        "We are an early stage company. You will have three years of experience in theatre production and a degree in arts.",
    ));
    assert_eq!(a.lang, "en");
    assert_eq!(a.title_level, Some(Level::MidSenior));
    assert_eq!(a.experience.min_years, Some(3.0));
}

#[test]
fn detects_the_language_of_each_posting() {
    let analyzer = Analyzer::with_defaults().unwrap();
    let cases = [
        ("de", "Wir suchen zum nächstmöglichen Zeitpunkt eine engagierte Entwicklerin oder einen Entwickler mit mindestens drei Jahren Berufserfahrung."),
        ("nl", "Wij zoeken een enthousiaste collega met minimaal drie jaar werkervaring die graag in een klein team werkt."),
        ("fr", "Nous recherchons un développeur passionné avec au moins trois ans d'expérience pour rejoindre notre équipe à Lyon."),
        ("es", "Buscamos una persona con al menos tres años de experiencia para incorporarse a nuestro equipo en Madrid."),
        ("it", "Cerchiamo una persona con almeno tre anni di esperienza da inserire nel nostro team di Milano."),
        ("pl", "Poszukujemy osoby z co najmniej trzyletnim doświadczeniem do naszego zespołu w Warszawie."),
        ("pt", "Procuramos uma pessoa com pelo menos três anos de experiência para integrar a nossa equipa em Lisboa."),
        ("en", "We are looking for a colleague with at least three years of experience to join our team in London."),
    ];
    for (want, text) in cases {
        let a = analyzer.analyze(&Posting::new("t", "", text));
        assert_eq!(a.lang, want, "{text}");
    }
    let mut forced = Posting::new("t", "", cases[0].1);
    forced.lang = Some("NL".into());
    assert_eq!(analyzer.analyze(&forced).lang, "nl");
}
