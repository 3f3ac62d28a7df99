//! Changes while the office runs: admins' translations and catalogue (in the database, so every
//! replica sees them) and edits to the files on disk are picked up within a couple of seconds.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use anyhow::Result;
use schalter_core::i18n::source::{self, FtlFile};
use schalter_core::{Catalog, Engine};

/// Where the words and the catalogue come from.
#[derive(Debug, Clone)]
pub struct Sources {
    /// `None`: the built-in locales.
    pub locales: Option<PathBuf>,
    /// `None`: the built-in catalogue.
    pub catalog: Option<PathBuf>,
    /// What was in force when the engine loaded: the database's changes and the files' newest
    /// modification, taken before reading them, so that no later change is missed.
    pub baseline: Baseline,
}

pub type Baseline = (Option<(i64, i64)>, Option<SystemTime>);

impl Sources {
    pub fn ftl_files(&self) -> Result<Vec<FtlFile>> {
        Ok(match &self.locales {
            Some(dir) => source::read_dir(dir)?,
            None => source::builtin(),
        })
    }

    pub fn catalog_text(&self) -> Result<(String, String)> {
        Ok(match &self.catalog {
            Some(path) => (std::fs::read_to_string(path)?, path.display().to_string()),
            None => (
                schalter_core::catalog::DEFAULT_CATALOG.to_owned(),
                schalter_core::catalog::DEFAULT_CATALOG_NAME.to_owned(),
            ),
        })
    }

    /// Newest modification time of the files we read, to notice edits on disk.
    pub fn files_changed(&self) -> Option<SystemTime> {
        let mut newest = None;
        let mut visit = |p: &Path| {
            if let Ok(t) = std::fs::metadata(p).and_then(|m| m.modified()) {
                newest = newest.max(Some(t));
            }
        };
        if let Some(dir) = &self.locales
            && let Ok(entries) = std::fs::read_dir(dir)
        {
            for e in entries.flatten() {
                visit(&e.path());
                if let Ok(files) = std::fs::read_dir(e.path()) {
                    for f in files.flatten() {
                        visit(&f.path());
                    }
                }
            }
        }
        if let Some(c) = &self.catalog {
            visit(c);
        }
        newest
    }
}

/// Reloads translations (files plus admins' changes) into the engine.
pub async fn reload_translations(engine: &Engine, sources: &Sources) -> Result<()> {
    let files = sources.ftl_files()?;
    let overrides = engine.store().translation_overrides().await?;
    engine.i18n().reload_with(&files, &overrides)?;
    Ok(())
}

/// Puts the catalogue in force: the newest saved by an admin, else the file.
pub async fn reload_catalog(engine: &Engine, sources: &Sources) -> Result<()> {
    let (text, name) = match engine.store().latest_catalog().await? {
        Some(text) => (text, "catalogue saved by an admin".to_owned()),
        None => sources.catalog_text()?,
    };
    engine.set_catalog(Catalog::parse(&text, &name)?);
    Ok(())
}

/// Keeps translations and catalogue current: checked before every input (through the
/// engine's refresh hook) and every second in the background.
pub struct Live {
    engine: std::sync::Weak<Engine>,
    sources: Sources,
    seen: tokio::sync::Mutex<Baseline>,
}

impl Live {
    /// Installs the refresh hook on the engine and returns the checker.
    pub fn install(engine: &Arc<Engine>, sources: Sources) -> Arc<Live> {
        let live = Arc::new(Live {
            engine: Arc::downgrade(engine),
            seen: tokio::sync::Mutex::new(sources.baseline),
            sources,
        });
        let hook = live.clone();
        engine.set_refresh(Arc::new(move || {
            let live = hook.clone();
            Box::pin(async move { live.check().await })
        }));
        live
    }

    /// Reloads what changed since the last look.
    pub async fn check(&self) {
        let Some(engine) = self.engine.upgrade() else {
            return;
        };
        let mut seen = self.seen.lock().await;
        let now = (
            engine.store().admin_fingerprint().await.ok(),
            self.sources.files_changed(),
        );
        if now == *seen {
            return;
        }
        *seen = now;
        if let Err(e) = reload_translations(&engine, &self.sources).await {
            tracing::warn!(target: "live", error = %e, "translations not reloaded");
        }
        if let Err(e) = reload_catalog(&engine, &self.sources).await {
            tracing::warn!(target: "live", error = %e, "catalogue not reloaded");
        }
    }
}

/// The background check, every second, until the process ends.
pub async fn watch(live: Arc<Live>) {
    loop {
        tokio::time::sleep(Duration::from_secs(1)).await;
        live.check().await;
    }
}
