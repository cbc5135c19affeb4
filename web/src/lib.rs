//! rung's engine for the browser: a plain C-ABI export around [`rung::Analyzer`], loaded by the
//! small hand-written loader of `web/page/checker.js` (no wasm-bindgen).
//!
//! The page writes a JSON request into memory it got from [`rung_alloc`], calls [`rung_call`]
//! with it, and reads the JSON answer at [`rung_result_ptr`] (length: `rung_call`'s return
//! value). The requests, by `op`:
//!
//! - `analyze` {title, description, id?, declared?, lang?, now?, title_at?, description_at?}:
//!   the analysis, as
//!   {json, title_html, description_html, truncated}. `json` is the text `rung check --format
//!   json` prints for the same posting (the library's own writer); the two HTML strings are
//!   the title and text with the evidence marked, by the HTML report's own highlighter.
//!   `now` (seconds since the Unix epoch) is the browser's clock: WebAssembly has none.
//!   `title_at` and `description_at` ({line, column}, as `read` gives them) say where the two
//!   texts start in a file, so that spans give the file's lines as `rung check FILE` does;
//!   without them the title is on its own and the text starts at line 1, as with
//!   `rung check - --title TITLE`.
//! - `read` {name, text}: a dropped file split into {title, description, title_at,
//!   description_at} as `rung check` splits it (.html/.htm as a page, anything else as text
//!   or Markdown whose first line is the title); the positions are null where the text is not
//!   a stretch of the file (an HTML page).
//! - `version`: {version}.
//!
//! Every answer that failed is {error}.

use std::sync::{Mutex, OnceLock};

use rung::input::{posting_from_html, posting_from_text, InputFormat};
use rung::posting::{Field, Position};
use rung::report::html::highlight;
use rung::report::json;
use rung::{Analyzer, Level, Posting};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// The id of a posting analysed with none given.
pub const DEFAULT_ID: &str = "posting";

#[derive(Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
enum Request {
    Analyze(AnalyzeRequest),
    Read {
        #[serde(default)]
        name: String,
        text: String,
    },
    Version,
}

#[derive(Deserialize)]
struct AnalyzeRequest {
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
    id: Option<String>,
    /// A level name as `--declared` takes it; empty for none.
    declared: Option<String>,
    /// An ISO 639-1 code as `--lang` takes it; empty or "auto" to detect.
    lang: Option<String>,
    now: Option<f64>,
    title_at: Option<At>,
    description_at: Option<At>,
}

/// Where a text starts in its file: 1-based line and column.
#[derive(Clone, Copy, Deserialize, Serialize)]
struct At {
    line: usize,
    column: usize,
}

impl At {
    fn from(p: Option<Position>) -> Option<At> {
        p.map(|p| At {
            line: p.line,
            column: p.column,
        })
    }

    fn position(self) -> Option<Position> {
        (self.line >= 1 && self.column >= 1).then_some(Position {
            line: self.line,
            column: self.column,
        })
    }
}

#[derive(Serialize)]
struct Analyzed {
    json: String,
    title_html: String,
    description_html: String,
    truncated: bool,
}

fn analyzer() -> Result<&'static Analyzer, String> {
    static ANALYZER: OnceLock<Result<Analyzer, String>> = OnceLock::new();
    ANALYZER
        .get_or_init(|| Analyzer::with_defaults().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(Clone::clone)
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// The posting `rung check --title TITLE [--declared D] [--lang L]` reads from a file whose
/// whole text is `description`.
fn posting(req: AnalyzeRequest) -> Result<Posting, String> {
    let declared = match non_empty(req.declared) {
        Some(name) => Some(name.parse::<Level>()?),
        None => None,
    };
    let lang = non_empty(req.lang).filter(|l| !l.eq_ignore_ascii_case("auto"));
    let id = non_empty(req.id).unwrap_or_else(|| DEFAULT_ID.to_string());
    let mut posting = posting_from_text(&id, &req.description, Some(&req.title));
    posting.declared = declared;
    posting.lang = lang;
    if let Some(at) = req.title_at {
        posting.title_at = at.position();
    }
    if let Some(at) = req.description_at {
        posting.description_at = at.position();
    }
    Ok(posting)
}

fn analyze(req: AnalyzeRequest) -> Result<Analyzed, String> {
    if let Some(now) = req.now.filter(|n| n.is_finite() && *n >= 0.0) {
        rung::clock::set_now(now as u64);
    }
    let posting = posting(req)?;
    let analysis = analyzer()?.analyze(&posting);
    let mut out = Vec::new();
    json::write_pretty(&mut out, &analysis).map_err(|e| e.to_string())?;
    Ok(Analyzed {
        json: String::from_utf8(out).map_err(|e| e.to_string())?,
        title_html: highlight(&posting.title, Field::Title, &analysis),
        description_html: highlight(&posting.description, Field::Description, &analysis),
        truncated: rung::analyzer::is_truncated(&posting),
    })
}

fn read(name: &str, text: &str) -> Result<Value, String> {
    let is_html = InputFormat::from_path(std::path::Path::new(name)) == Some(InputFormat::Html);
    let posting = if is_html {
        posting_from_html(name, text)?
    } else {
        posting_from_text(name, text, None)
    };
    Ok(json!({
        "title": posting.title,
        "description": posting.description,
        "title_at": At::from(posting.title_at),
        "description_at": At::from(posting.description_at),
    }))
}

/// Answers one JSON request with one JSON answer (see the crate's documentation).
pub fn handle(request: &str) -> String {
    let answer = serde_json::from_str::<Request>(request)
        .map_err(|e| format!("bad request: {e}"))
        .and_then(|req| match req {
            Request::Analyze(req) => {
                analyze(req).and_then(|a| serde_json::to_value(a).map_err(|e| e.to_string()))
            }
            Request::Read { name, text } => read(&name, &text),
            Request::Version => Ok(json!({"version": env!("CARGO_PKG_VERSION")})),
        });
    match answer {
        Ok(value) => value.to_string(),
        Err(error) => json!({ "error": error }).to_string(),
    }
}

static RESULT: Mutex<Vec<u8>> = Mutex::new(Vec::new());

/// `len` bytes for the caller to write a request into; freed by [`rung_free`].
#[no_mangle]
pub extern "C" fn rung_alloc(len: usize) -> *mut u8 {
    let mut buf = std::mem::ManuallyDrop::new(Vec::<u8>::with_capacity(len.max(1)));
    buf.as_mut_ptr()
}

/// Frees what [`rung_alloc`] gave for the same `len`.
///
/// # Safety
/// `ptr` must come from `rung_alloc(len)` and not have been freed.
#[no_mangle]
pub unsafe extern "C" fn rung_free(ptr: *mut u8, len: usize) {
    drop(Vec::from_raw_parts(ptr, 0, len.max(1)));
}

/// Answers the UTF-8 JSON request of `len` bytes at `ptr`; returns the answer's length, its
/// bytes at [`rung_result_ptr`] until the next call.
///
/// # Safety
/// `ptr` must point to `len` initialised bytes.
#[no_mangle]
pub unsafe extern "C" fn rung_call(ptr: *const u8, len: usize) -> usize {
    let bytes = std::slice::from_raw_parts(ptr, len);
    let answer = match std::str::from_utf8(bytes) {
        Ok(request) => handle(request),
        Err(e) => json!({ "error": format!("request is not UTF-8: {e}") }).to_string(),
    };
    let mut result = RESULT.lock().unwrap_or_else(|e| e.into_inner());
    *result = answer.into_bytes();
    result.len()
}

/// Where the last answer of [`rung_call`] lies.
#[no_mangle]
pub extern "C" fn rung_result_ptr() -> *const u8 {
    RESULT.lock().unwrap_or_else(|e| e.into_inner()).as_ptr()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(request: Value) -> Value {
        serde_json::from_str(&handle(&request.to_string())).unwrap()
    }

    #[test]
    fn analyze_gives_the_cli_json_and_highlights() {
        let answer = call(json!({
            "op": "analyze",
            "title": "Junior Data Analyst",
            "description": "Requirements:\n- 7+ years of experience in SQL & reports\n",
            "declared": "entry",
        }));
        let text = answer["json"].as_str().unwrap();
        assert!(text.ends_with("}\n"), "{text}");
        let analysis: Value = serde_json::from_str(text).unwrap();
        assert_eq!(analysis["id"], DEFAULT_ID);
        assert_eq!(analysis["declared_level"], "entry");
        assert_eq!(analysis["experience"]["min_years"], 7.0);
        let html = answer["description_html"].as_str().unwrap();
        assert!(html.contains("<mark class=\"fi\""), "{html}");
        assert!(html.contains("SQL &amp; reports"), "{html}");
        assert_eq!(answer["truncated"], false);
    }

    #[test]
    fn bad_options_are_errors() {
        let answer = call(json!({"op": "analyze", "title": "x", "declared": "boss"}));
        assert!(answer["error"].as_str().unwrap().contains("unknown level"));
        assert!(call(json!({"op": "fly"}))["error"].is_string());
    }

    #[test]
    fn read_splits_like_check() {
        let answer = call(json!({"op": "read", "name": "a.md", "text": "# Senior Dev\nBody\n"}));
        assert_eq!(
            answer,
            json!({
                "title": "Senior Dev",
                "description": "Body\n",
                "title_at": {"line": 1, "column": 3},
                "description_at": {"line": 2, "column": 1},
            })
        );
        // Given back, the positions put the spans on the file's lines.
        let analysed = call(json!({
            "op": "analyze", "title": answer["title"], "description": answer["description"],
            "title_at": answer["title_at"], "description_at": answer["description_at"],
        }));
        let analysis: Value = serde_json::from_str(analysed["json"].as_str().unwrap()).unwrap();
        assert_eq!(analysis["title_spans"][0]["line"], 1);
        assert_eq!(analysis["title_spans"][0]["column"], 3);
        let page = "<html><head><title>Lead Chef</title></head><body><p>Cook.</p></body></html>";
        let answer = call(json!({"op": "read", "name": "a.html", "text": page}));
        assert_eq!(answer["title"], "Lead Chef");
        assert_eq!(answer["description_at"], Value::Null);
    }

    #[test]
    fn the_abi_round_trips() {
        let request = br#"{"op":"version"}"#;
        unsafe {
            let ptr = rung_alloc(request.len());
            std::ptr::copy_nonoverlapping(request.as_ptr(), ptr, request.len());
            let len = rung_call(ptr, request.len());
            rung_free(ptr, request.len());
            let answer = std::slice::from_raw_parts(rung_result_ptr(), len);
            assert!(std::str::from_utf8(answer).unwrap().contains("version"));
        }
    }
}
