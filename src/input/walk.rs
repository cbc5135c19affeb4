//! Turning the paths a user gave into the files to read, in a stable order.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{InputError, InputFormat};

/// Deeper than this is a symlink loop, not a job-ad library.
const MAX_DEPTH: usize = 64;

/// What walking a path finds, in order: nothing is dropped without a word.
#[derive(Debug)]
pub enum Found {
    /// A file to read (named explicitly, whatever its type, or `-`; or a supported file in a
    /// directory).
    File(PathBuf),
    /// A file in a directory that rung does not read, with why.
    Skipped(InputError),
    /// A path that cannot be read at all (missing, unreadable, a symlink loop).
    Unreadable(InputError),
}

/// Adds `path` to `out`, or, for a directory, every file under it (sorted by name, hidden
/// entries skipped): those rung reads as `File`, the others as `Skipped`. A file named
/// explicitly is kept whatever its type (reading it says what is wrong); `-` is kept as is.
/// A directory reached twice (a symlink loop, or two links to one folder) is read once.
pub fn collect_files(path: &Path, out: &mut Vec<Found>) {
    if let Err(e) = walk(path, out, 0, &mut HashSet::new()) {
        out.push(Found::Unreadable(e));
    }
}

fn walk(
    path: &Path,
    out: &mut Vec<Found>,
    depth: usize,
    seen: &mut HashSet<PathBuf>,
) -> Result<(), InputError> {
    let name = || path.display().to_string();
    if path.as_os_str() == "-" {
        out.push(Found::File(path.to_path_buf()));
        return Ok(());
    }
    if depth > MAX_DEPTH {
        return Err(InputError::new(
            name(),
            "directories nested too deeply (a symlink loop?)",
        ));
    }
    let meta = std::fs::metadata(path).map_err(|e| InputError::new(name(), e.to_string()))?;
    if !meta.is_dir() {
        out.push(Found::File(path.to_path_buf()));
        return Ok(());
    }
    let real = std::fs::canonicalize(path).map_err(|e| InputError::new(name(), e.to_string()))?;
    if !seen.insert(real) {
        return Ok(());
    }
    let entries = std::fs::read_dir(path).map_err(|e| InputError::new(name(), e.to_string()))?;
    let mut children: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    children.sort();
    for child in children {
        if child.is_dir() || InputFormat::from_path(&child).is_some() {
            // One unreadable entry does not hide the rest of the directory.
            if let Err(e) = walk(&child, out, depth + 1, seen) {
                out.push(Found::Unreadable(e));
            }
        } else {
            let reason = super::unsupported(&child);
            out.push(Found::Skipped(InputError::new(
                child.display().to_string(),
                reason,
            )));
        }
    }
    Ok(())
}
