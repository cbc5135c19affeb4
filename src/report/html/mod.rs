//! `--format html`: one self-contained page (no network) with the summary's figures, three
//! inline SVG charts, the titles whose postings disagree, and a sortable, filterable table of
//! postings whose rows expand to the posting's text with evidence and findings highlighted.
//!
//! Unlike the other reporters it keeps one rendered table row per posting until the end,
//! since the page is written in one piece: memory grows with the postings' text.

mod charts;
mod highlight;

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::level::Level;
use crate::posting::{Analysis, Autonomy, Field, Posting};
use crate::report::csv::band;
use crate::report::summary::Summary;
use crate::scorer::fmt_years;

pub use highlight::{escape, highlight};

const STYLE: &str = include_str!("style.css");
const SCRIPT: &str = include_str!("script.js");

/// Columns of the postings table: heading, and whether narrow screens hide it.
const COLUMNS: [(&str, bool); 7] = [
    ("Id", true),
    ("Title", false),
    ("Title level", false),
    ("Implied level", false),
    ("Confidence", true),
    ("Min. years", true),
    ("Findings", false),
];

pub struct HtmlReport<W: Write> {
    out: W,
    summary: Summary,
    rows: Vec<String>,
}

impl<W: Write> HtmlReport<W> {
    pub fn new(out: W) -> HtmlReport<W> {
        HtmlReport {
            out,
            summary: Summary::new(),
            rows: Vec::new(),
        }
    }
}

impl<W: Write> super::Reporter for HtmlReport<W> {
    fn add(&mut self, posting: &Posting, analysis: &Analysis) -> io::Result<()> {
        self.summary.add(analysis);
        self.rows.push(row(posting, analysis));
        Ok(())
    }
    fn reject(&mut self) {
        self.summary.reject();
    }
    fn finish(&mut self) -> io::Result<()> {
        let page = page(&self.summary, &self.rows);
        self.out.write_all(page.as_bytes())?;
        self.out.flush()
    }
}

fn page(s: &Summary, rows: &[String]) -> String {
    let mut html = String::with_capacity(rows.iter().map(String::len).sum::<usize>() + (64 << 10));
    let _ = write!(
        html,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>rung audit: {} postings</title><style>{STYLE}</style></head><body><main>\
         <header><h1>Job-ad audit</h1><p class=\"sub\">{} postings analysed{} · \
         levels on LinkedIn's ladder, inferred by rung {}</p></header>",
        s.postings,
        s.postings,
        if s.rejected > 0 {
            format!(", {} rows rejected", s.rejected)
        } else {
            String::new()
        },
        env!("CARGO_PKG_VERSION")
    );
    figures(&mut html, s);
    let _ = write!(
        html,
        "<section class=\"charts\">\
         <figure class=\"card\"><figcaption>Implied level</figcaption>{}</figure>\
         <figure class=\"card\"><figcaption>Title level <small>(rows)</small> by implied level \
         <small>(columns)</small></figcaption>{}<p class=\"note legend\">\
         <span class=\"diag\"></span> outlined: the title states the level its requirements \
         imply. Right of the outline the requirements ask more than the title says, left of it \
         less.</p></figure>\
         <figure class=\"card\"><figcaption>Findings <small>(postings with each code)</small>\
         </figcaption>{}</figure></section>",
        charts::levels(s),
        charts::heatmap(s),
        charts::findings(s)
    );
    titles(&mut html, s);
    table(&mut html, s, rows);
    let _ = writeln!(html, "</main><script>{SCRIPT}</script></body></html>");
    html
}

/// The headline numbers, as cards.
fn figures(html: &mut String, s: &Summary) {
    let pct = |n, of| format!("{:.0}%", Summary::percent(n, of));
    let mut cards = vec![
        (s.postings.to_string(), "postings".to_string()),
        (
            pct(s.postings_with_findings, s.postings),
            "have findings".into(),
        ),
        (
            pct(s.by_implied[super::summary::SLOTS - 1], s.postings),
            "undetermined".into(),
        ),
    ];
    if s.declared > 0 {
        cards.push((
            pct(s.declared_exact, s.declared),
            format!("match the declared level ({} declared)", s.declared),
        ));
        cards.push((
            pct(s.declared_within_one, s.declared),
            "within one rung of it".into(),
        ));
    }
    html.push_str("<section class=\"figures\">");
    for (value, label) in cards {
        let _ = write!(
            html,
            "<div class=\"card fig\"><b>{value}</b><span>{}</span></div>",
            escape(&label)
        );
    }
    html.push_str("</section>");
}

fn titles(html: &mut String, s: &Summary) {
    let list = s.inconsistent_titles();
    if list.is_empty() {
        return;
    }
    let _ = write!(
        html,
        "<section class=\"card\" id=\"titles\"><h2>Same title, different levels</h2>\
         <p class=\"note\">{} titles whose postings imply levels two or more rungs apart: \
         the level the title states, then the lowest and the highest level its postings' \
         requirements imply.</p>\
         <div class=\"table-wrap\"><table class=\"plain\"><thead><tr><th>Title</th><th>Postings</th>\
         <th>Title says</th><th>Lowest implied</th><th>Highest implied</th></tr></thead><tbody>",
        list.len()
    );
    for t in list.iter().take(50) {
        let _ = write!(
            html,
            "<tr><td>{}</td><td class=\"num\">{}<span class=\"narrow\"> postings</span></td>\
             <td><span class=\"narrow\">says </span>{}</td>\
             <td><span class=\"narrow\">implies </span>{} <small class=\"wide\">{}</small></td>\
             <td><span class=\"narrow\">to </span>{} <small class=\"wide\">{}</small></td></tr>",
            escape(&t.title),
            t.postings,
            badge(t.title_level),
            badge(Some(t.lowest.0)),
            escape(&t.lowest.1),
            badge(Some(t.highest.0)),
            escape(&t.highest.1)
        );
    }
    html.push_str("</tbody></table></div></section>");
}

fn table(html: &mut String, s: &Summary, rows: &[String]) {
    html.push_str(
        "<section class=\"card\" id=\"postings\"><h2>Postings</h2><div class=\"controls\">\
         <input id=\"q\" type=\"search\" placeholder=\"Filter by id, title or text\" aria-label=\"Filter\">\
         <select id=\"lv\" aria-label=\"Implied level\"><option value=\"\">All implied levels</option>",
    );
    for slot in 0..super::summary::SLOTS {
        let name = super::summary_text::slot_name(slot, "undetermined");
        let _ = write!(html, "<option>{name}</option>");
    }
    html.push_str(
        "</select><select id=\"fc\" aria-label=\"Finding\"><option value=\"\">All postings</option>\
         <option value=\"*\">With findings</option>",
    );
    for (code, _) in s.codes_by_count() {
        let _ = write!(html, "<option>{code}</option>");
    }
    html.push_str(
        "</select><span id=\"shown\"></span></div>\
         <p class=\"note\">Click a heading to sort, a row to read the posting.</p>\
         <p class=\"legend\"><mark class=\"ev\">evidence</mark> words behind the implied level \
         (years, degree, leadership, level phrases) · <mark class=\"fi\">finding</mark> words a \
         finding points at (hover a mark for why)</p>\
         <div class=\"table-wrap\"><table id=\"t\"><thead><tr>",
    );
    for (i, (name, hide)) in COLUMNS.iter().enumerate() {
        let class = if *hide { " class=\"wide\"" } else { "" };
        let _ = write!(
            html,
            "<th{class} data-col=\"{i}\" tabindex=\"0\">{name}</th>"
        );
    }
    html.push_str("</tr></thead><tbody>");
    for row in rows {
        html.push_str(row);
    }
    html.push_str("</tbody></table></div></section>");
}

/// The posting's table row and the hidden row that expands under it.
fn row(posting: &Posting, a: &Analysis) -> String {
    let implied = a.implied_level.map_or("undetermined", Level::as_str);
    let mut codes: Vec<&str> = a.findings.iter().map(|f| f.code).collect();
    codes.dedup();
    let worst = a.worst().map_or(0, |s| s as usize + 1);
    let chips: String = a
        .findings
        .iter()
        .map(|f| {
            format!(
                "<span class=\"chip {}\" title=\"{}\">{}</span>",
                f.severity.as_str(),
                escape(&f.message),
                f.code
            )
        })
        .collect();
    let years = a.experience.min_years;
    let cell = |hide: bool, sort: String, body: String| {
        let class = if hide { " class=\"wide\"" } else { "" };
        format!("<td{class} data-v=\"{}\">{body}</td>", escape(&sort))
    };
    let mut html = format!(
        "<tr class=\"posting\" data-level=\"{implied}\" data-codes=\"{}\" tabindex=\"0\" aria-expanded=\"false\">",
        codes.join(" ")
    );
    let cells = [
        cell(true, a.id.clone(), escape(&a.id)),
        cell(false, a.title.clone(), escape(&a.title)),
        cell(false, rank(a.title_level), badge(a.title_level)),
        cell(false, rank(a.implied_level), implied_badge(a.implied_level)),
        cell(
            true,
            format!("{:.2}", a.confidence),
            format!("{:.2}", a.confidence),
        ),
        cell(
            true,
            years.map_or("-1".into(), |y| y.to_string()),
            years.map(fmt_years).unwrap_or_default(),
        ),
        cell(false, format!("{worst}{:03}", codes.len()), chips),
    ];
    html.extend(cells);
    let _ = write!(
        html,
        "</tr><tr class=\"detail\" hidden><td colspan=\"{}\"><div class=\"detail-body\">{}{}\
         <h3>{}</h3><div class=\"text\">{}</div></div></td></tr>",
        COLUMNS.len(),
        facts(a),
        findings_list(a),
        highlight(&posting.title, Field::Title, a),
        text(posting, a)
    );
    html
}

/// The posting's text highlighted: the description, or each column of a posting read from
/// several under its name.
fn text(posting: &Posting, a: &Analysis) -> String {
    if posting.parts.is_empty() {
        return highlight(&posting.description, Field::Description, a);
    }
    let mut html = String::new();
    for part in &posting.parts {
        let field = Field::column(&part.name);
        if let Some(text) = posting.text_of(field) {
            let _ = write!(
                html,
                "<span class=\"part\">{}</span>\n{}\n\n",
                escape(&part.name),
                highlight(text, field, a)
            );
        }
    }
    html.trim_end().to_string()
}

/// Sorts levels by rank, the missing ones last.
fn rank(level: Option<Level>) -> String {
    level.map_or(9, Level::rank).to_string()
}

fn badge(level: Option<Level>) -> String {
    match level {
        Some(l) => format!("<span class=\"lv l{}\">{l}</span>", l.rank()),
        None => "<span class=\"lv none\">—</span>".into(),
    }
}

/// The implied level says "undetermined" in words: it is an answer, not a blank.
fn implied_badge(level: Option<Level>) -> String {
    match level {
        Some(_) => badge(level),
        None => "<span class=\"lv undet\">undetermined</span>".into(),
    }
}

fn facts(a: &Analysis) -> String {
    let mut facts = vec![format!(
        "<b>{}</b>",
        a.implied_level.map_or("undetermined", Level::as_str)
    )];
    if let Some(b) = a.band {
        facts.push(format!("band {}", band(b)));
    }
    let e = &a.experience;
    match (e.min_years, e.max_years) {
        (Some(min), Some(max)) => {
            facts.push(format!("{}–{} years", fmt_years(min), fmt_years(max)))
        }
        (Some(min), None) => facts.push(format!("{}+ years", fmt_years(min))),
        _ => {}
    }
    if let Some(level) = a.degree.level {
        let need = if a.degree.required == Some(false) {
            "preferred"
        } else {
            "required"
        };
        facts.push(format!("{level} degree {need}"));
    }
    let l = &a.leadership;
    for (on, name) in [
        (l.people_management, "people management"),
        (l.mentoring, "mentoring"),
        (l.leads_work, "leads work"),
        (l.strategy, "strategy"),
        (l.budget, "budget"),
    ] {
        if on {
            facts.push(name.into());
        }
    }
    match a.autonomy {
        Some(Autonomy::High) => facts.push("high autonomy".into()),
        Some(Autonomy::Low) => facts.push("low autonomy".into()),
        None => {}
    }
    if let Some(d) = a.declared_level {
        facts.push(format!("declared {d}"));
    }
    format!(
        "<p class=\"facts\"><span class=\"id\">{}</span> {}</p>",
        escape(&a.id),
        facts.join(" · ")
    )
}

fn findings_list(a: &Analysis) -> String {
    if a.findings.is_empty() {
        return String::new();
    }
    let items: String = a
        .findings
        .iter()
        .map(|f| {
            format!(
                "<li><span class=\"chip {}\">{}</span> {}</li>",
                f.severity.as_str(),
                f.code,
                escape(&f.message)
            )
        })
        .collect();
    format!("<ul class=\"findings\">{items}</ul>")
}
