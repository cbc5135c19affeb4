//! Turning the paths a user gave into the files to read, in a stable order.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{InputError, InputFormat};

/// Deeper than this is a symlink loop, not a job-ad library.
const MAX_DEPTH: usize = 64;

/// Adds `path` to `out`, or, for a directory, every file under it that rung reads (sorted by
/// name, hidden entries skipped). A file named explicitly must exist; `-` is kept as is.
/// A directory reached twice (a symlink loop, or two links to one folder) is read once.
pub fn collect_files(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), InputError> {
    walk(path, out, 0, &mut HashSet::new())
}

fn walk(
    path: &Path,
    out: &mut Vec<PathBuf>,
    depth: usize,
    seen: &mut HashSet<PathBuf>,
) -> Result<(), InputError> {
    let name = || path.display().to_string();
    if path.as_os_str() == "-" {
        out.push(path.to_path_buf());
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
        out.push(path.to_path_buf());
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
        .filter(|p| p.is_dir() || InputFormat::from_path(p).is_some())
        .collect();
    children.sort();
    for child in children {
        walk(&child, out, depth + 1, seen)?;
    }
    Ok(())
}
