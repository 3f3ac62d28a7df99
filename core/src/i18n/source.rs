//! Where the Fluent files come from: a directory on disk or the copy compiled into the binary.

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../locales");

/// One .ftl file of one locale.
#[derive(Debug, Clone)]
pub struct FtlFile {
    /// Folder name, e.g. `de`.
    pub locale: String,
    /// Path for messages, e.g. `locales/de/booking.ftl`.
    pub path: String,
    pub text: String,
}

#[derive(Debug, thiserror::Error)]
#[error("{path}: {source}")]
pub struct SourceError {
    pub path: PathBuf,
    #[source]
    pub source: std::io::Error,
}

/// Every .ftl file under `dir/<locale>/`, sorted by path.
pub fn read_dir(dir: &Path) -> Result<Vec<FtlFile>, SourceError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| SourceError { path, source }
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io(dir))? {
        let entry = entry.map_err(io(dir))?;
        let locale_dir = entry.path();
        if !locale_dir.is_dir() {
            continue;
        }
        let locale = entry.file_name().to_string_lossy().into_owned();
        for file in std::fs::read_dir(&locale_dir).map_err(io(&locale_dir))? {
            let path = file.map_err(io(&locale_dir))?.path();
            if path.extension().is_some_and(|e| e == "ftl") {
                let text = std::fs::read_to_string(&path).map_err(io(&path))?;
                files.push(FtlFile {
                    locale: locale.clone(),
                    path: path.display().to_string(),
                    text,
                });
            }
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// The locales compiled into the binary.
pub fn builtin() -> Vec<FtlFile> {
    let mut files = Vec::new();
    for locale_dir in BUILTIN.dirs() {
        let locale = locale_dir.path().display().to_string();
        for file in locale_dir.files() {
            if file.path().extension().is_some_and(|e| e == "ftl")
                && let Some(text) = file.contents_utf8()
            {
                files.push(FtlFile {
                    locale: locale.clone(),
                    path: format!("locales/{} (built in)", file.path().display()),
                    text: text.to_owned(),
                });
            }
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}
