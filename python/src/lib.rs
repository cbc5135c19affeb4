//! `rung._rung`: the native half of the `rung` Python package. The Python half
//! (`rung/__init__.py`) adds `analyze_frame` and re-exports what is here.
//!
//! `analyze_many` runs `rung::pipeline::ordered`: one thread takes postings from the Python
//! iterable (holding the GIL only while it converts a few dozen of them), the workers analyse
//! without the GIL, and `__next__` turns each analysis into a dict in input order.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, LazyLock, Mutex, OnceLock};
use std::time::Duration;

mod to_python;

use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyInt, PyIterator, PyList, PyString, PyTuple};
use rung::input::{JsonlLine, ID_FIELDS, LEVEL_FIELDS, TEXT_FIELDS, TITLE_FIELDS};
use rung::lexicon::Lexicon;
use rung::pipeline::{self, Next, Ordered};
use rung::posting::Position;
use rung::{Analysis, Band, Level, Posting};

create_exception!(
    _rung,
    LexiconError,
    PyValueError,
    "A lexicon file that cannot be read or parsed; the message starts with file:line."
);

/// The analyzer over the shipped lexicons, built on first use.
static DEFAULT: OnceLock<Arc<rung::Analyzer>> = OnceLock::new();

fn default_analyzer(py: Python<'_>) -> PyResult<Arc<rung::Analyzer>> {
    if let Some(analyzer) = DEFAULT.get() {
        return Ok(Arc::clone(analyzer));
    }
    let built = py
        .detach(rung::Analyzer::with_defaults)
        .map_err(|e| LexiconError::new_err(e.to_string()))?;
    Ok(Arc::clone(DEFAULT.get_or_init(|| Arc::new(built))))
}

/// Compiled lexicons, shared by every call. ``Analyzer()`` uses the shipped lexicons;
/// ``Analyzer("my-lexicons/")`` adds the ``*.tsv`` files of a folder to them (see
/// lexicons/README.md), ``Analyzer("my-lexicons/", replace=True)`` uses that folder alone.
///
/// Raises ``rung.LexiconError`` (a ``ValueError``) whose message starts with ``file:line``
/// when a lexicon file is invalid.
#[pyclass(module = "rung._rung", frozen)]
struct Analyzer {
    inner: Arc<rung::Analyzer>,
}

#[pymethods]
impl Analyzer {
    #[new]
    #[pyo3(signature = (lexicons=None, *, replace=false))]
    fn new(py: Python<'_>, lexicons: Option<PathBuf>, replace: bool) -> PyResult<Analyzer> {
        let Some(dir) = lexicons else {
            if replace {
                return Err(PyValueError::new_err(
                    "replace=True needs a lexicons folder",
                ));
            }
            return Ok(Analyzer {
                inner: default_analyzer(py)?,
            });
        };
        let built = py.detach(move || -> Result<rung::Analyzer, String> {
            let mut lexicon = if replace {
                Lexicon::default()
            } else {
                Lexicon::embedded().map_err(|e| e.to_string())?
            };
            lexicon.extend(Lexicon::load_dir(&dir).map_err(|e| e.to_string())?);
            rung::Analyzer::new(lexicon).map_err(|e| e.to_string())
        });
        let inner = built.map_err(LexiconError::new_err)?;
        Ok(Analyzer {
            inner: Arc::new(inner),
        })
    }

    /// Analyses one posting and returns its analysis as a dict, the JSON output contract of
    /// ``rung check --format json`` (``implied_level``, ``confidence``, ``experience``, ...).
    ///
    /// ``lang`` forces the language (ISO 639-1, ``"de"``) instead of detecting it;
    /// ``declared`` is the level the poster declared (``"entry"``, ``"Mid-Senior level"``);
    /// ``id`` is copied into the result.
    #[pyo3(signature = (title, description, *, lang=None, declared=None, id=None, title_at=None, description_at=None))]
    #[allow(clippy::too_many_arguments)]
    fn analyze<'py>(
        &self,
        py: Python<'py>,
        title: &str,
        description: &str,
        lang: Option<String>,
        declared: Option<&str>,
        id: Option<String>,
        title_at: Option<(usize, usize)>,
        description_at: Option<(usize, usize)>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let posting = Posting {
            lang,
            declared: declared.map(parse_level).transpose()?,
            title_at: title_at.and_then(position),
            description_at: description_at.and_then(position),
            ..Posting::new(id.unwrap_or_default(), title, description)
        };
        let inner = Arc::clone(&self.inner);
        let analysis = py.detach(move || inner.analyze(&posting));
        to_dict(py, &analysis)
    }

    /// Analyses many postings on ``threads`` worker threads (default: all cores), ``batch``
    /// at a time, and returns an iterator over their analyses (dicts) in input order.
    ///
    /// ``postings`` is any iterable, endless ones included (it is read a few batches ahead
    /// of the results taken): dicts with the keys rung reads in JSON Lines (``description``
    /// or ``job_description`` / ``text``; ``title``; ``id``; ``label`` /
    /// ``seniority_level``, the declared level); tuples ``(title, description)`` or
    /// ``(title, description, id, declared)``; or strings, each one JSON object (a line of a
    /// JSON Lines file: ``analyze_many(open("postings.jsonl"))``), parsed on the workers as
    /// ``rung audit`` parses them, blank ones skipped. A posting without an id gets its
    /// position (0-based). The GIL is released while postings are parsed and analysed.
    ///
    /// A bad item (``None``, ``bytes``, a dict without a description, a broken JSON line)
    /// raises ``TypeError`` or ``ValueError`` naming its row (0-based), once the rows before
    /// it are yielded, and ends the iterator; with ``errors="yield"`` it is yielded in its
    /// place as ``{"id": "ROW", "error": MESSAGE}`` instead (as ``rung audit -`` writes a
    /// broken line) and the rest goes on. An exception from the iterable itself is raised in
    /// the same place, whatever ``errors`` says.
    #[pyo3(signature = (postings, *, threads=None, batch=1024, errors="raise"))]
    fn analyze_many(
        &self,
        postings: &Bound<'_, PyAny>,
        threads: Option<usize>,
        batch: usize,
        errors: &str,
    ) -> PyResult<Analyses> {
        start(&self.inner, postings, threads, batch, errors, false)
    }

    /// ``analyze_many`` yielding one flat tuple a posting (the columns of ``COLUMNS``),
    /// for ``analyze_frame``.
    #[pyo3(signature = (postings, *, threads=None, batch=1024, errors="raise"))]
    fn _analyze_rows(
        &self,
        postings: &Bound<'_, PyAny>,
        threads: Option<usize>,
        batch: usize,
        errors: &str,
    ) -> PyResult<Analyses> {
        start(&self.inner, postings, threads, batch, errors, true)
    }

    fn __repr__(&self) -> String {
        let lexicon = self.inner.lexicon();
        format!("rung.Analyzer({} lexicon entries)", lexicon.entries.len())
    }
}

fn parse_level(s: &str) -> PyResult<Level> {
    s.parse::<Level>().map_err(PyValueError::new_err)
}

fn start(
    analyzer: &Arc<rung::Analyzer>,
    postings: &Bound<'_, PyAny>,
    threads: Option<usize>,
    batch: usize,
    errors: &str,
    flat: bool,
) -> PyResult<Analyses> {
    if batch == 0 {
        return Err(PyValueError::new_err("batch must be at least 1"));
    }
    if threads == Some(0) {
        return Err(PyValueError::new_err("threads must be at least 1"));
    }
    let iter = postings.try_iter()?.unbind();
    let errors_yielded = match errors {
        "raise" => false,
        "yield" => true,
        other => {
            return Err(PyValueError::new_err(format!(
                "errors must be \"raise\" or \"yield\", not {other:?}"
            )))
        }
    };
    let items = FromPython {
        iter,
        row: 0,
        buffer: VecDeque::new(),
        done: false,
        stop_on_bad: !errors_yielded,
        chunk: batch.max(MIN_CHUNK),
    };
    let analyzer = Arc::clone(analyzer);
    let options = pipeline::Options {
        batch,
        threads,
        ..pipeline::Options::default()
    };
    let work = move |item: PyResult<Item>| {
        let posting = match item.map_err(Failure::Raised)? {
            Item::Posting(posting) => posting,
            Item::Bad { row, error } => return Err(Failure::Bad { row, error }),
            Item::Line(row, line) => line.parse().map_err(|e| Failure::Bad {
                row,
                error: PyValueError::new_err(format!("row {row}: {}", e.message)),
            })?,
        };
        Ok(analyzer.analyze(&posting))
    };
    Ok(Analyses {
        state: Mutex::new(Some(pipeline::ordered(items, options, work))),
        flat,
        errors_yielded,
    })
}

/// The Python iterable as a Rust iterator, for the pipeline's reading thread: it takes the
/// GIL once per `chunk` items.
struct FromPython {
    iter: Py<PyIterator>,
    row: usize,
    buffer: VecDeque<PyResult<Item>>,
    done: bool,
    /// `errors="raise"`: nothing after a bad item is read.
    stop_on_bad: bool,
    /// Items converted per taking of the GIL: a batch. Python hands the GIL over to a
    /// waiting thread only every few milliseconds (`sys.getswitchinterval()`), so while
    /// `__next__` is busy making dicts, each taking may wait that long: taken per item (or
    /// per few dozen) it would starve the workers.
    chunk: usize,
}

/// One item of the iterable, converted: a posting, a JSON line that a worker parses (and
/// its row), or an item that is no posting.
enum Item {
    Posting(Posting),
    Line(usize, JsonlLine),
    Bad { row: usize, error: PyErr },
}

/// Why an item has no analysis.
enum Failure {
    /// The item is no posting: `errors="yield"` yields it as an error row.
    Bad { row: usize, error: PyErr },
    /// The iterable raised.
    Raised(PyErr),
}

/// The fewest items converted per taking of the GIL.
const MIN_CHUNK: usize = 64;

impl Iterator for FromPython {
    type Item = PyResult<Item>;

    fn next(&mut self) -> Option<PyResult<Item>> {
        if self.buffer.is_empty() && !self.done {
            Python::attach(|py| {
                let iter = self.iter.bind(py);
                while self.buffer.len() < self.chunk {
                    let item = match iter.clone().next() {
                        None => {
                            self.done = true;
                            break;
                        }
                        Some(Err(e)) => Err(e),
                        Some(Ok(item)) => match convert(&item, self.row) {
                            Ok(item) => Ok(item),
                            Err(error) => Ok(Some(Item::Bad {
                                row: self.row,
                                error,
                            })),
                        },
                    };
                    let Some(item) = item.transpose() else {
                        // A blank line, skipped as JSON Lines readers skip it.
                        self.row += 1;
                        continue;
                    };
                    self.row += 1;
                    let failed = match &item {
                        Err(_) => true,
                        Ok(Item::Bad { .. }) => self.stop_on_bad,
                        Ok(_) => false,
                    };
                    self.buffer.push_back(item);
                    if failed {
                        // The error ends the stream where it happened.
                        self.done = true;
                        break;
                    }
                }
            });
        }
        self.buffer.pop_front()
    }
}

/// One item of `analyze_many`'s iterable for the workers (`None`: a blank line), or why it
/// is not one.
fn convert(item: &Bound<'_, PyAny>, row: usize) -> PyResult<Option<Item>> {
    if let Ok(line) = item.cast::<PyString>() {
        let text = line.to_cow()?;
        if text.trim().is_empty() {
            return Ok(None);
        }
        return Ok(Some(Item::Line(
            row,
            JsonlLine::new(row.to_string(), text.into_owned()),
        )));
    }
    posting(item, row).map(|p| Some(Item::Posting(p)))
}

/// A dict or tuple as a posting, or why it is not one.
fn posting(item: &Bound<'_, PyAny>, row: usize) -> PyResult<Posting> {
    if let Ok(dict) = item.cast::<PyDict>() {
        return posting_from_dict(dict, row);
    }
    if item.is_instance_of::<PyTuple>() || item.is_instance_of::<PyList>() {
        let len = item.len()?;
        if (2..=4).contains(&len) {
            let get = |i: usize, name: &str| text_value(&item.get_item(i)?, row, name);
            let title = get(0, "title")?.unwrap_or_default();
            let description = get(1, "description")?.ok_or_else(|| {
                PyTypeError::new_err(format!("row {row}: the description is None"))
            })?;
            let id = if len > 2 { get(2, "id")? } else { None };
            let declared = if len > 3 { get(3, "declared")? } else { None };
            return Ok(Posting {
                declared: declared.as_deref().and_then(Level::parse),
                ..Posting::new(id.unwrap_or_else(|| row.to_string()), title, description)
            });
        }
        return Err(PyValueError::new_err(format!(
            "row {row}: a tuple of {len} items; expected (title, description) or \
             (title, description, id, declared)"
        )));
    }
    Err(PyTypeError::new_err(format!(
        "row {row}: expected a dict, a (title, description) tuple or a JSON line (str), got {}",
        type_name(item)
    )))
}

fn posting_from_dict(dict: &Bound<'_, PyDict>, row: usize) -> PyResult<Posting> {
    let field = |names: &[&str]| -> PyResult<Option<String>> {
        for name in names {
            if let Some(value) = dict.get_item(name)? {
                if let Some(text) = text_value(&value, row, name)? {
                    return Ok(Some(text));
                }
            }
        }
        Ok(None)
    };
    let description = field(TEXT_FIELDS)?.ok_or_else(|| {
        PyValueError::new_err(format!(
            "row {row}: no posting text (one of the keys {})",
            TEXT_FIELDS.join(", ")
        ))
    })?;
    // Where a file's title and text start in it, as `read_file` gives them.
    let at = |key: &str| -> PyResult<Option<Position>> {
        match dict.get_item(key)? {
            Some(v) if !v.is_none() => {
                let pair = v.extract::<(usize, usize)>().map_err(|_| {
                    PyTypeError::new_err(format!("row {row}: {key:?} should be (line, column)"))
                })?;
                Ok(position(pair))
            }
            _ => Ok(None),
        }
    };
    Ok(Posting {
        declared: field(LEVEL_FIELDS)?.as_deref().and_then(Level::parse),
        title_at: at("title_at")?,
        description_at: at("description_at")?,
        ..Posting::new(
            field(ID_FIELDS)?.unwrap_or_else(|| row.to_string()),
            field(TITLE_FIELDS)?.unwrap_or_default(),
            description,
        )
    })
}

/// A text field as JSON Lines reads it: a string, a number written out, or nothing (None).
fn text_value(value: &Bound<'_, PyAny>, row: usize, name: &str) -> PyResult<Option<String>> {
    if value.is_none() {
        return Ok(None);
    }
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(Some(s.to_cow()?.into_owned()));
    }
    if value.is_instance_of::<PyInt>() && !value.is_instance_of::<pyo3::types::PyBool>() {
        return Ok(Some(value.str()?.to_cow()?.into_owned()));
    }
    if let Ok(f) = value.cast::<PyFloat>() {
        if let Some(n) = serde_json::Number::from_f64(f.value()) {
            return Ok(Some(n.to_string()));
        }
    }
    Err(PyTypeError::new_err(format!(
        "row {row}: {name:?} should be a str, got {}",
        type_name(value)
    )))
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into())
}

/// The iterator `analyze_many` returns: analyses (dicts) in input order.
#[pyclass(module = "rung._rung")]
struct Analyses {
    /// `None` once the input is done or an error was raised.
    state: Mutex<Option<Ordered<Result<Analysis, Failure>>>>,
    /// Flat tuples (`_analyze_rows`) instead of dicts.
    flat: bool,
    /// `errors="yield"`: a bad item is yielded as `{"id": ROW, "error": MESSAGE}`.
    errors_yielded: bool,
}

#[pymethods]
impl Analyses {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let mut state = self.state.lock().expect("the iterator's lock");
        loop {
            let Some(ordered) = state.as_mut() else {
                return Ok(None);
            };
            // Results that are ready are taken without letting go of the GIL.
            let mut next = ordered.next_within(Duration::ZERO);
            if matches!(next, Next::Pending) {
                next = py.detach(|| ordered.next_within(Duration::from_millis(100)));
            }
            match next {
                Next::Item(Ok(analysis)) => {
                    return Ok(Some(if self.flat {
                        flat_row(py, &analysis)?
                    } else {
                        to_dict(py, &analysis)?
                    }))
                }
                Next::Item(Err(Failure::Bad { row, error })) if self.errors_yielded => {
                    let message = error.value(py).str()?.to_cow()?.into_owned();
                    let prefix = format!("row {row}: ");
                    let message = message.strip_prefix(&prefix).unwrap_or(&message);
                    let id = row.to_string();
                    return Ok(Some(if self.flat {
                        let mut items: Vec<Option<&str>> = vec![None; COLUMNS.len()];
                        items[0] = Some(&id);
                        PyTuple::new(py, items)?.into_any()
                    } else {
                        let dict = PyDict::new(py);
                        dict.set_item("id", id)?;
                        dict.set_item("error", message)?;
                        dict.into_any()
                    }));
                }
                Next::Item(Err(Failure::Bad { error, .. } | Failure::Raised(error))) => {
                    close(py, &mut state);
                    return Err(error);
                }
                Next::End => {
                    close(py, &mut state);
                    return Ok(None);
                }
                Next::Pending => py.check_signals()?,
            }
        }
    }

    /// Stops the analysis and lets go of the iterable (also done when the iterator is
    /// garbage-collected).
    fn close(&self, py: Python<'_>) {
        let mut state = self.state.lock().expect("the iterator's lock");
        close(py, &mut state);
    }
}

/// Ends the pipeline: its threads may be waiting for the GIL, so it is let go meanwhile.
fn close(py: Python<'_>, state: &mut Option<Ordered<Result<Analysis, Failure>>>) {
    if let Some(ordered) = state.take() {
        py.detach(move || drop(ordered));
    }
}

impl Drop for Analyses {
    fn drop(&mut self) {
        let state = self.state.get_mut().map(Option::take);
        if let Ok(Some(ordered)) = state {
            Python::attach(|py| py.detach(move || drop(ordered)));
        }
    }
}

/// Keys and enum strings shared by every dict made (used with the GIL held).
static STRINGS: LazyLock<Mutex<to_python::Strings>> = LazyLock::new(Default::default);

fn to_dict<'py>(py: Python<'py>, analysis: &Analysis) -> PyResult<Bound<'py, PyAny>> {
    let mut strings = STRINGS.lock().unwrap_or_else(|e| e.into_inner());
    to_python::to_python(py, &mut strings, analysis)
}

/// The flat columns of `analyze_frame`, in order.
const COLUMNS: &[&str] = &[
    "id",
    "lang",
    "implied_level",
    "confidence",
    "band",
    "title_level",
    "min_years",
    "max_years",
    "preferred_years",
    "degree_level",
    "degree_required",
    "people_management",
    "mentoring",
    "leads_work",
    "strategy",
    "budget",
    "autonomy",
    "findings",
];

fn flat_row<'py>(py: Python<'py>, a: &Analysis) -> PyResult<Bound<'py, PyAny>> {
    let codes: Vec<&str> = a.findings.iter().map(|f| f.code).collect();
    let l = &a.leadership;
    let autonomy = a.autonomy.map(|x| match x {
        rung::posting::Autonomy::High => "high",
        rung::posting::Autonomy::Low => "low",
    });
    let row = (
        a.id.as_str(),
        a.lang.as_str(),
        a.implied_level.map_or("undetermined", Level::as_str),
        a.confidence,
        a.band.map(|b| match b {
            Band::Junior => "junior",
            Band::MidSenior => "mid-senior",
            Band::Senior => "senior",
        }),
        a.title_level.map(Level::as_str),
        a.experience.min_years,
        a.experience.max_years,
        a.experience.preferred_years,
        a.degree.level,
        a.degree.required,
        (
            l.people_management,
            l.mentoring,
            l.leads_work,
            l.strategy,
            l.budget,
        ),
        autonomy,
        codes.join(","),
    );
    let (id, lang, implied, conf, band, title, min, max, pref, dl, dr, lead, aut, codes) = row;
    let items: Vec<Bound<'py, PyAny>> = vec![
        id.into_pyobject(py)?.into_any(),
        lang.into_pyobject(py)?.into_any(),
        implied.into_pyobject(py)?.into_any(),
        conf.into_pyobject(py)?.into_any(),
        band.into_pyobject(py)?.into_any(),
        title.into_pyobject(py)?.into_any(),
        min.into_pyobject(py)?.into_any(),
        max.into_pyobject(py)?.into_any(),
        pref.into_pyobject(py)?.into_any(),
        dl.into_pyobject(py)?.into_any(),
        dr.into_pyobject(py)?.into_any(),
        lead.0.into_pyobject(py)?.to_owned().into_any(),
        lead.1.into_pyobject(py)?.to_owned().into_any(),
        lead.2.into_pyobject(py)?.to_owned().into_any(),
        lead.3.into_pyobject(py)?.to_owned().into_any(),
        lead.4.into_pyobject(py)?.to_owned().into_any(),
        aut.into_pyobject(py)?.into_any(),
        codes.into_pyobject(py)?.into_any(),
    ];
    debug_assert_eq!(items.len(), COLUMNS.len());
    Ok(PyTuple::new(py, items)?.into_any())
}

/// Analyses one posting with the shipped lexicons and returns its analysis as a dict, the
/// JSON output contract of ``rung check --format json`` (``implied_level``, ``confidence``,
/// ``band``, ``title_level``, ``experience``, ``degree``, ``leadership``, ``autonomy``,
/// ``findings``, ...). ``lang`` forces the language (``"de"``); ``declared`` is the level the
/// poster declared; ``id`` is copied into the result. Same as ``Analyzer().analyze``.
#[pyfunction]
#[pyo3(signature = (title, description, *, lang=None, declared=None, id=None, title_at=None, description_at=None))]
#[allow(clippy::too_many_arguments)]
fn analyze<'py>(
    py: Python<'py>,
    title: &str,
    description: &str,
    lang: Option<String>,
    declared: Option<&str>,
    id: Option<String>,
    title_at: Option<(usize, usize)>,
    description_at: Option<(usize, usize)>,
) -> PyResult<Bound<'py, PyAny>> {
    let analyzer = Analyzer {
        inner: default_analyzer(py)?,
    };
    analyzer.analyze(
        py,
        title,
        description,
        lang,
        declared,
        id,
        title_at,
        description_at,
    )
}

/// A 1-based (line, column) in a file, as `read_file` gives it; `None` for a zero.
fn position((line, column): (usize, usize)) -> Option<Position> {
    (line >= 1 && column >= 1).then_some(Position { line, column })
}

/// Analyses many postings with the shipped lexicons on ``threads`` worker threads (default:
/// all cores), ``batch`` at a time, and returns an iterator over their analyses (dicts) in
/// input order, reading the iterable lazily (an endless one too) and releasing the GIL
/// while it analyses. Items: dicts with the keys rung reads in JSON Lines (``description``,
/// ``title``, ``id``, ``label``...), tuples ``(title, description[, id[, declared]])``, or
/// JSON lines (str). A bad item raises ``TypeError`` / ``ValueError`` naming its row (0-based)
/// after the rows before it; ``errors="yield"`` yields ``{"id": "ROW", "error": MESSAGE}`` in
/// its place instead. Same as ``Analyzer().analyze_many``.
#[pyfunction]
#[pyo3(signature = (postings, *, threads=None, batch=1024, errors="raise"))]
fn analyze_many(
    py: Python<'_>,
    postings: &Bound<'_, PyAny>,
    threads: Option<usize>,
    batch: usize,
    errors: &str,
) -> PyResult<Analyses> {
    start(
        &default_analyzer(py)?,
        postings,
        threads,
        batch,
        errors,
        false,
    )
}

/// The postings of a file as rung's CLI reads them (JSON Lines, JSON, CSV/TSV, text,
/// Markdown, HTML, by extension): a list of dicts with ``id``, ``title``, ``description``,
/// ``label`` (the declared level, or None) and ``title_at`` / ``description_at`` (where a
/// text file's title and text start in it, ``(line, column)``, else None), for
/// ``analyze_many``. A file or row that cannot be
/// read raises ``ValueError`` with its location (``file:line``).
#[pyfunction]
fn read_file(py: Python<'_>, path: PathBuf) -> PyResult<Vec<Bound<'_, PyDict>>> {
    let read = py.detach(move || -> Result<Vec<Posting>, String> {
        let format = rung::input::InputFormat::from_path(&path)
            .ok_or_else(|| format!("{}: unsupported file type", path.display()))?;
        let name = path.display().to_string();
        let file = std::fs::File::open(&path).map_err(|e| format!("{name}: {e}"))?;
        let rows = rung::input::read_postings(&name, format, file, &Default::default())
            .map_err(|e| e.to_string())?;
        rows.map(|row| row.map_err(|e| e.to_string())).collect()
    });
    let postings = read.map_err(PyValueError::new_err)?;
    postings
        .iter()
        .map(|p| {
            let dict = PyDict::new(py);
            dict.set_item("id", &p.id)?;
            dict.set_item("title", &p.title)?;
            dict.set_item("description", &p.description)?;
            dict.set_item("label", p.declared.map(Level::as_str))?;
            // Where the title and the text start in the file (text and Markdown files), so
            // that analyses of them point at the file's lines, as the CLI's do.
            let at = |p: Option<Position>| p.map(|p| (p.line, p.column));
            dict.set_item("title_at", at(p.title_at))?;
            dict.set_item("description_at", at(p.description_at))?;
            Ok(dict)
        })
        .collect()
}

#[pymodule]
fn _rung(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Analyzer>()?;
    m.add_class::<Analyses>()?;
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many, m)?)?;
    m.add_function(wrap_pyfunction!(read_file, m)?)?;
    m.add("LexiconError", m.py().get_type::<LexiconError>())?;
    m.add("COLUMNS", COLUMNS.to_vec())?;
    m.add("LEVELS", Level::ALL.map(Level::as_str).to_vec())?;
    Ok(())
}
