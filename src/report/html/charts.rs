//! The report's charts, drawn here as inline SVG so the page needs no network or script
//! library: implied levels as bars, title level by implied level as a heatmap, and findings
//! by code as bars coloured by severity. Each SVG scales to its container (`viewBox`).

use std::fmt::Write as _;

use super::highlight::escape;
use crate::level::Level;
use crate::posting::Severity;
use crate::report::summary::{Summary, SLOTS};
use crate::report::summary_text::{short, slot_name};

/// One colour a level slot, lowest level lightest; grey for "undetermined".
pub const LEVEL_COLOURS: [&str; SLOTS] = [
    "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b", "#b0b0b0",
];

pub fn severity_colour(s: Severity) -> &'static str {
    match s {
        Severity::Error => "#c62828",
        Severity::Warning => "#ef8f00",
        Severity::Info => "#5c7cfa",
    }
}

const WIDTH: usize = 380;

/// Horizontal bars: one a level, then undetermined.
pub fn levels(s: &Summary) -> String {
    let row = 30;
    let label_w = 100;
    let height = row * SLOTS + 10;
    let max = s.by_implied.iter().copied().max().unwrap_or(0).max(1);
    let bar_room = (WIDTH - label_w - 72) as f64;
    let mut svg = open(WIDTH, height, "Postings by implied level");
    for (slot, &n) in s.by_implied.iter().enumerate() {
        let y = 5 + slot * row;
        let w = (bar_room * n as f64 / max as f64).round();
        let name = slot_name(slot, "undetermined");
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"lbl\">{name}</text>\
             <rect x=\"{label_w}\" y=\"{}\" width=\"{w}\" height=\"{}\" rx=\"3\" fill=\"{}\"><title>{name}: {n}</title></rect>\
             <text x=\"{}\" y=\"{}\" class=\"val\">{n} · {:.0}%</text>",
            label_w - 8,
            y + 19,
            y + 4,
            row - 8,
            LEVEL_COLOURS[slot],
            label_w as f64 + w + 6.0,
            y + 19,
            Summary::percent(n, s.postings)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Rows: the level the title states; columns: the level the requirements imply. The
/// diagonal (they agree) is outlined.
pub fn heatmap(s: &Summary) -> String {
    let cell = 44;
    let left = 66;
    let top = 28;
    let width = left + cell * SLOTS + 4;
    let height = top + cell * SLOTS + 4;
    let max = s.matrix.iter().flatten().copied().max().unwrap_or(0).max(1);
    let mut svg = open(width, height, "Title level by implied level");
    for col in 0..SLOTS {
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"lbl sm\">{}</text>",
            left + col * cell + cell / 2,
            top - 10,
            short(slot_name(col, "undet."))
        );
    }
    for (row, counts) in s.matrix.iter().enumerate() {
        let y = top + row * cell;
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" class=\"lbl sm\">{}</text>",
            left - 8,
            y + cell / 2 + 5,
            short(slot_name(row, "no level"))
        );
        for (col, &n) in counts.iter().enumerate() {
            let x = left + col * cell;
            // A square root keeps small counts visible next to one dominant cell.
            let t = (n as f64 / max as f64).sqrt();
            let fill = if n == 0 {
                "#f4f6f8".to_string()
            } else {
                blend(t)
            };
            let ink = if t > 0.55 { "#fff" } else { "#1f2933" };
            let diagonal = row == col && row < Level::ALL.len();
            let stroke = if diagonal {
                " stroke=\"#1f2933\" stroke-width=\"2\""
            } else {
                " stroke=\"#fff\" stroke-width=\"2\""
            };
            let _ = write!(
                svg,
                "<rect x=\"{x}\" y=\"{y}\" width=\"{cell}\" height=\"{cell}\" fill=\"{fill}\"{stroke}>\
                 <title>title {} · implied {}: {n}</title></rect>",
                slot_name(row, "no level"),
                slot_name(col, "undetermined")
            );
            if n > 0 {
                let _ = write!(
                    svg,
                    "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"cnt\" fill=\"{ink}\">{n}</text>",
                    x + cell / 2,
                    y + cell / 2 + 5
                );
            }
        }
    }
    svg.push_str("</svg>");
    svg
}

/// One bar a finding code, the code written above its bar.
pub fn findings(s: &Summary) -> String {
    let codes = s.codes_by_count();
    if codes.is_empty() {
        return "<p class=\"empty\">No findings.</p>".into();
    }
    let row = 44;
    let height = row * codes.len() + 6;
    let max = codes.iter().map(|c| c.1.postings).max().unwrap_or(1).max(1);
    let bar_room = (WIDTH - 96) as f64;
    let mut svg = open(WIDTH, height, "Postings by finding code");
    for (i, (code, count)) in codes.iter().enumerate() {
        let y = 4 + i * row;
        let w = (bar_room * count.postings as f64 / max as f64)
            .round()
            .max(2.0);
        let _ = write!(
            svg,
            "<text x=\"0\" y=\"{}\" class=\"lbl code\">{} <tspan class=\"sev\">{}</tspan></text>\
             <rect x=\"0\" y=\"{}\" width=\"{w}\" height=\"16\" rx=\"3\" fill=\"{}\"><title>{code}: {}</title></rect>\
             <text x=\"{}\" y=\"{}\" class=\"val\">{} · {:.1}%</text>",
            y + 13,
            escape(code),
            count.severity.as_str(),
            y + 20,
            severity_colour(count.severity),
            count.postings,
            w + 6.0,
            y + 33,
            count.postings,
            Summary::percent(count.postings, s.postings)
        );
    }
    svg.push_str("</svg>");
    svg
}

fn open(width: usize, height: usize, label: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" \
         role=\"img\" aria-label=\"{label}\" preserveAspectRatio=\"xMinYMin meet\">"
    )
}

/// From a pale to a deep blue, `t` in 0..=1.
fn blend(t: f64) -> String {
    let (a, b) = ([222.0, 235.0, 247.0], [8.0, 48.0, 107.0]);
    let c: Vec<u8> = (0..3)
        .map(|i| (a[i] + (b[i] - a[i]) * t).round() as u8)
        .collect();
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}
