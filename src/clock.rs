//! The wall clock, which one finding reads (how many years ago a technology was released).
//! A host with no system clock sets the time itself: in WebAssembly in a browser, std's
//! clock panics, so the page passes the browser's.

use std::sync::atomic::{AtomicU64, Ordering};

/// Seconds since the Unix epoch set by `set_now`; `u64::MAX` while unset.
static NOW: AtomicU64 = AtomicU64::new(u64::MAX);

/// Makes `now_secs` answer `secs` (seconds since the Unix epoch, UTC) from now on.
pub fn set_now(secs: u64) {
    NOW.store(secs.min(u64::MAX - 1), Ordering::Relaxed);
}

/// Seconds since the Unix epoch: the time given to `set_now`, else the system clock's.
pub fn now_secs() -> u64 {
    match NOW.load(Ordering::Relaxed) {
        u64::MAX => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
        secs => secs,
    }
}
