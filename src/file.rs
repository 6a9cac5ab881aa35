//! Replacing a file so that a crash at any moment leaves the old or the new one:
//! a temporary file in the same folder, fsync, rename, fsync of the folder.

use std::fs::File;
use std::io::Write as _;
use std::path::Path;

use crate::error::Error;

/// The prefix of the temporary files `add` writes next to `path`.
fn temp_prefix(path: &Path) -> std::ffi::OsString {
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(path.file_name().unwrap_or_default());
    prefix.push(".");
    prefix
}

/// Removes temporary files left by a writer that was killed before its rename. Call
/// it only under the ledger's lock: then no other writer's file is in progress.
pub fn remove_leftovers(path: &Path) {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let prefix = temp_prefix(path);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&*prefix.to_string_lossy()) && name.ends_with(".tmp") {
            // Best effort: a leftover that cannot be removed harms nothing.
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Replaces `path` with `text` so that a crash leaves the old or the new file.
pub fn write_atomically(path: &Path, text: &str) -> Result<(), Error> {
    let failed = |source| Error::Write {
        path: path.to_owned(),
        source,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(&temp_prefix(path))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(failed)?;
    // The temporary file is created 0600: a file keeps its own permissions, and a
    // new one gets the usual 0644.
    match std::fs::metadata(path) {
        Ok(meta) => temp
            .as_file()
            .set_permissions(meta.permissions())
            .map_err(failed)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt as _;
                temp.as_file()
                    .set_permissions(std::fs::Permissions::from_mode(0o644))
                    .map_err(failed)?;
            }
        }
        Err(e) => return Err(failed(e)),
    }
    temp.write_all(text.as_bytes()).map_err(failed)?;
    temp.as_file().sync_all().map_err(failed)?;
    temp.persist(path).map_err(|e| failed(e.error))?;
    // The rename is durable only once the folder is.
    File::open(dir).and_then(|d| d.sync_all()).map_err(failed)?;
    Ok(())
}
