//! The ordered parallel pipeline: items in, results out in input order, the work done in
//! batches across the rayon threads, in memory that does not grow with the input.
//!
//! One thread reads the input (and, for JSON Lines, only splits lines) into a bounded
//! channel; the calling thread takes up to `batch` items at a time, maps them on the workers
//! and hands each batch, in input order, to a sink, the one before while the workers map the
//! next. At most about five batches are alive at once (the channel's two, the one being
//! taken, the one being mapped and the one in the sink), whatever the input's length: an
//! endless iterator is consumed as the results are taken.
//!
//! ```
//! use rung::{pipeline, Analyzer, Posting};
//!
//! let analyzer = Analyzer::with_defaults().unwrap();
//! let postings = (0..3).map(|i| Posting::new(i.to_string(), "Data Analyst", "3+ years of SQL"));
//! let mut ids = Vec::new();
//! let options = pipeline::Options::default();
//! let work = |posting: Posting| analyzer.analyze(&posting);
//! pipeline::run(postings, &options, work, |batch| {
//!     ids.extend(batch.into_iter().map(|analysis| analysis.id));
//!     Ok::<_, ()>(())
//! })
//! .unwrap();
//! assert_eq!(ids, ["0", "1", "2"]);
//! ```

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use rayon::prelude::*;

/// Postings mapped together by default; bounds memory while keeping every core busy.
pub const BATCH: usize = 1024;

/// The most items of a batch one worker maps without looking for more. A batch ends when
/// its last piece does, and the workers that finished first wait for it: rayon's own split
/// leaves few large pieces at few threads (two threads were busy 178-189% of the time on
/// 100 MB of postings, 191-195% with pieces of 8; BENCHMARKS.md, tenth round).
const PIECE: usize = 8;

/// How the pipeline batches.
#[derive(Clone, Debug)]
pub struct Options {
    /// The most items mapped together (at least 1).
    pub batch: usize,
    /// Map whatever has arrived instead of waiting for a full batch, so that a slow stream
    /// (a pipe, stdin) gets its results at once.
    pub streaming: bool,
    /// Worker threads for `ordered`: `None` uses the global rayon pool (all cores unless
    /// configured). `run` always uses the current pool.
    pub threads: Option<usize>,
    /// Checked before each batch: once set, the pipeline stops and `run` returns `Ok(false)`.
    pub stop: Option<Arc<AtomicBool>>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            batch: BATCH,
            streaming: false,
            threads: None,
            stop: None,
        }
    }
}

/// A pool of `threads` workers (0: all cores).
pub fn pool(threads: usize) -> Result<rayon::ThreadPool, ThreadsError> {
    Ok(rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?)
}

/// Problems starting the pipeline's own worker threads (`Options::threads`).
#[derive(Debug, thiserror::Error)]
#[error("starting worker threads: {0}")]
pub struct ThreadsError(#[from] rayon::ThreadPoolBuildError);

/// Maps `items` with `work` on the current rayon pool's threads, one batch at a time, and
/// hands each batch's results to `sink` in input order, on the calling thread. Returns
/// `Ok(true)` at the end of the input, `Ok(false)` when `Options::stop` was set, and the
/// sink's first error. (`Options::threads` is for `ordered`; here, call it inside
/// `pool(n)?.install(..)` for a pool of its own.)
pub fn run<T, U, E>(
    items: impl Iterator<Item = T> + Send,
    options: &Options,
    work: impl Fn(T) -> U + Sync,
    mut sink: impl FnMut(Vec<U>) -> Result<(), E>,
) -> Result<bool, E>
where
    T: Send,
    U: Send,
{
    let size = options.batch.max(1);
    let stopped = || {
        options
            .stop
            .as_ref()
            .is_some_and(|stop| stop.load(Ordering::SeqCst))
    };
    std::thread::scope(|scope| {
        // One thread reads while the workers map.
        let (tx, rx) = sync_channel(2 * size);
        scope.spawn(move || {
            for item in items {
                if tx.send(item).is_err() {
                    break;
                }
            }
        });
        // Up to `size` items from the reader: at least one unless the input is done.
        let take = |rx: &Receiver<T>| {
            let mut batch: Vec<T> = Vec::with_capacity(size);
            let Ok(first) = rx.recv() else {
                return batch;
            };
            batch.push(first);
            while batch.len() < size {
                let next = if options.streaming {
                    rx.try_recv().ok()
                } else {
                    rx.recv().ok()
                };
                match next {
                    Some(item) => batch.push(item),
                    None => break,
                }
            }
            batch
        };
        if options.streaming {
            // Each batch's results go out before the next is waited for: a filter on a pipe
            // answers every line as it comes.
            loop {
                if stopped() {
                    return Ok(false);
                }
                let mut batch = take(&rx);
                if batch.is_empty() {
                    break;
                }
                let done: Vec<U> = batch.par_drain(..).with_max_len(PIECE).map(&work).collect();
                sink(done)?;
            }
            return Ok(true);
        }
        // While the workers map a batch, this thread hands the one before to the sink and
        // takes the next from the reader, so that no worker waits on writing or reading
        // (one is this thread, when it belongs to the pool: it joins the mapping after).
        let mut batch = take(&rx);
        let mut mapped: Option<Vec<U>> = None;
        while !batch.is_empty() {
            if stopped() {
                return Ok(false);
            }
            let mut done = Vec::new();
            let mut next = Vec::new();
            let mut sunk = Ok(());
            rayon::in_place_scope(|s| {
                s.spawn(|_| done = batch.par_drain(..).with_max_len(PIECE).map(&work).collect());
                if let Some(previous) = mapped.take() {
                    sunk = sink(previous);
                }
                next = take(&rx);
            });
            sunk?;
            mapped = Some(done);
            batch = next;
        }
        if let Some(last) = mapped {
            if stopped() {
                return Ok(false);
            }
            sink(last)?;
        }
        Ok(true)
    })
}

/// The pipeline as an iterator: `run` on a thread of its own, its results taken one by one.
/// Dropping it stops the pipeline after the batch in hand and waits for its thread.
pub struct Ordered<U> {
    batches: Option<Receiver<Vec<U>>>,
    current: std::vec::IntoIter<U>,
    thread: Option<JoinHandle<()>>,
}

/// Maps `items` with `work` in parallel batches and yields the results in input order,
/// lazily: the input is read about three batches ahead of the results taken.
pub fn ordered<T, U, I, F>(items: I, options: Options, work: F) -> Ordered<U>
where
    T: Send + 'static,
    U: Send + 'static,
    I: Iterator<Item = T> + Send + 'static,
    F: Fn(T) -> U + Sync + Send + 'static,
{
    let (tx, rx) = sync_channel(1);
    let thread = std::thread::spawn(move || {
        // A closed receiver (the iterator dropped) ends the run at the next batch.
        let threads = options.threads;
        let go = move || run(items, &options, work, move |batch| tx.send(batch));
        match threads.map(pool) {
            Some(Ok(pool)) => {
                let _ = pool.install(go);
            }
            // A pool that cannot start: run on the global one rather than fail.
            Some(Err(_)) | None => {
                let _ = go();
            }
        }
    });
    Ordered {
        batches: Some(rx),
        current: Vec::new().into_iter(),
        thread: Some(thread),
    }
}

/// What `Ordered::next_within` found.
#[derive(Debug, PartialEq, Eq)]
pub enum Next<U> {
    Item(U),
    /// The input is done and every result taken.
    End,
    /// No result within the time given; ask again.
    Pending,
}

impl<U> Ordered<U> {
    /// The next result, waiting at most `timeout` for it (`Duration::ZERO`: not at all), so a
    /// caller can do other things while it waits (a Python binding checks for Ctrl-C).
    pub fn next_within(&mut self, timeout: Duration) -> Next<U> {
        if let Some(item) = self.current.next() {
            return Next::Item(item);
        }
        let Some(batches) = self.batches.as_ref() else {
            return Next::End;
        };
        match batches.recv_timeout(timeout) {
            Ok(batch) => {
                self.current = batch.into_iter();
                // Batches are never empty.
                self.current.next().map_or(Next::Pending, Next::Item)
            }
            Err(RecvTimeoutError::Timeout) => Next::Pending,
            Err(RecvTimeoutError::Disconnected) => {
                self.finish();
                Next::End
            }
        }
    }
}

impl<U> Iterator for Ordered<U> {
    type Item = U;

    fn next(&mut self) -> Option<U> {
        loop {
            if let Some(item) = self.current.next() {
                return Some(item);
            }
            match self.batches.as_ref()?.recv() {
                Ok(batch) => self.current = batch.into_iter(),
                Err(_) => {
                    self.finish();
                    return None;
                }
            }
        }
    }
}

impl<U> Ordered<U> {
    fn finish(&mut self) {
        self.batches = None;
        if let Some(thread) = self.thread.take() {
            if let Err(panic) = thread.join() {
                std::panic::resume_unwind(panic);
            }
        }
    }
}

impl<U> Drop for Ordered<U> {
    fn drop(&mut self) {
        self.batches = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    #[test]
    fn keeps_input_order_across_batches_and_threads() {
        let options = Options {
            batch: 7,
            ..Options::default()
        };
        let mut out = Vec::new();
        let done = pool(3).unwrap().install(|| {
            run(
                0..100u32,
                &options,
                |i| i * 2,
                |batch| {
                    assert!(batch.len() <= 7);
                    out.extend(batch);
                    Ok::<_, ()>(())
                },
            )
        });
        assert_eq!(done, Ok(true));
        assert_eq!(out, (0..100).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn the_sinks_error_ends_the_run() {
        let mut seen = 0;
        let options = Options {
            batch: 4,
            ..Options::default()
        };
        let result = run(
            0..,
            &options,
            |i: u64| i,
            |batch| {
                seen += batch.len();
                if seen >= 8 {
                    Err("enough")
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(result, Err("enough"));
        assert_eq!(seen, 8);
    }

    #[test]
    fn stop_ends_the_run_before_the_next_batch() {
        let stop = Arc::new(AtomicBool::new(false));
        let options = Options {
            batch: 5,
            stop: Some(Arc::clone(&stop)),
            ..Options::default()
        };
        let mut seen = 0;
        let result = run(
            0..,
            &options,
            |i: u64| i,
            |batch| {
                seen += batch.len();
                stop.store(true, Ordering::SeqCst);
                Ok::<_, ()>(())
            },
        );
        assert_eq!(result, Ok(false));
        assert_eq!(seen, 5);
    }

    #[test]
    fn ordered_is_lazy_on_an_endless_input() {
        let read = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&read);
        let items = (0u64..).inspect(move |_| {
            counter.fetch_add(1, Ordering::SeqCst);
        });
        let options = Options {
            batch: 10,
            ..Options::default()
        };
        let mut results = ordered(items, options, |i| i + 1);
        let first: Vec<u64> = results.by_ref().take(25).collect();
        assert_eq!(first, (1..=25).collect::<Vec<_>>());
        // Let the reader run as far ahead as it can.
        std::thread::sleep(std::time::Duration::from_millis(50));
        let ahead = read.load(Ordering::SeqCst);
        assert!(ahead <= 25 + 6 * 10, "read {ahead} items for 25 results");
        drop(results);
    }

    #[test]
    fn ordered_ends_with_its_input() {
        let all: Vec<u32> = ordered(0..2500u32, Options::default(), |i| i).collect();
        assert_eq!(all, (0..2500).collect::<Vec<_>>());
        let mut results = ordered(0..3u32, Options::default(), |i| i);
        let mut got = Vec::new();
        loop {
            match results.next_within(Duration::from_millis(10)) {
                Next::Item(i) => got.push(i),
                Next::Pending => continue,
                Next::End => break,
            }
        }
        assert_eq!(got, [0, 1, 2]);
        assert_eq!(results.next_within(Duration::ZERO), Next::End);
    }
}
