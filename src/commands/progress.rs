//! The progress bar of `rung audit`: postings, bytes read, MB/s and ETA on stderr when it is
//! a terminal; nothing at all otherwise, so logs and pipes stay clean.

use std::io::{IsTerminal, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub struct Progress {
    bar: ProgressBar,
    bytes: Arc<AtomicU64>,
}

impl Progress {
    /// A bar over `total` bytes, or a spinner when the size is unknown (stdin).
    pub fn new(total: Option<u64>) -> Progress {
        let target = if std::io::stderr().is_terminal() {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let template = if total.is_some() {
            "{spinner} {msg} [{bar:20}] {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta}"
        } else {
            "{spinner} {msg} {binary_bytes} {binary_bytes_per_sec}"
        };
        let style = ProgressStyle::with_template(template)
            .expect("a valid progress template")
            .progress_chars("=> ");
        let bar = ProgressBar::with_draw_target(total, target).with_style(style);
        Progress {
            bar,
            bytes: Arc::new(AtomicU64::new(0)),
        }
    }

    /// Wraps an input so that what is read from it moves the bar.
    pub fn reader<R: Read>(&self, inner: R) -> Counted<R> {
        Counted {
            inner,
            bytes: Arc::clone(&self.bytes),
        }
    }

    pub fn update(&self, postings: usize) {
        self.bar.set_position(self.bytes.load(Ordering::Relaxed));
        self.bar.set_message(format!("{postings} postings"));
    }

    /// Prints a line above the bar without tearing it.
    pub fn println(&self, line: &str) {
        self.bar.suspend(|| eprintln!("{line}"));
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// A reader that adds the bytes it reads to the bar's count.
pub struct Counted<R> {
    inner: R,
    bytes: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}
