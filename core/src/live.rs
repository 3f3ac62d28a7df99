//! Changes while the office runs: admins' translations and catalogue (in the database, so every
//! replica sees them) and edits to the files on disk are put in force off the path of any input.
//!
//! - Admins' changes: on PostgreSQL every process listens (`LISTEN`) for the notification the
//!   change sends with its commit, and looks again every [`SAFETY_NET`] in case one was missed
//!   while the listening connection was down; on SQLite (one machine) each process looks at
//!   the changes' newest sequence numbers every [`SQLITE_POLL`].
//! - Files: watched with `notify`; a burst of events (an editor saving) is one reload.
//! - A reload builds the new bundles and catalogue first and then swaps them in, so an input
//!   never waits for one.
//! - At start and after each change of the files, what each translation was written against
//!   is brought up to date ([`sync_reviews`]), so that a German text edited on disk flags its
//!   translations "to review" as one changed through the admin API does.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Weak};
use std::time::{Duration, SystemTime};

use notify::Watcher;
use tokio::sync::mpsc;

use crate::i18n::edit;
use crate::i18n::source::{self, FtlFile};
use crate::office::Office;
use crate::store::Store;
use crate::{Catalog, Engine};

/// How often a process on SQLite looks for admins' changes.
pub const SQLITE_POLL: Duration = Duration::from_millis(100);
/// How often a process on PostgreSQL looks, besides the notifications.
pub const SAFETY_NET: Duration = Duration::from_secs(5);
/// Events on disk closer together than this are one change.
const SETTLE: Duration = Duration::from_millis(100);

/// What was in force when the engine loaded: the database's changes and the files' newest
/// modification, taken before reading them, so that no later change is missed.
pub type Baseline = (Option<(i64, i64)>, Option<SystemTime>);

/// Where the words and the catalogue come from.
#[derive(Debug, Clone)]
pub struct Sources {
    /// `None`: the built-in locales.
    pub locales: Option<PathBuf>,
    /// `None`: the built-in catalogue.
    pub catalog: Option<PathBuf>,
    pub baseline: Baseline,
}

impl Sources {
    pub fn ftl_files(&self) -> anyhow::Result<Vec<FtlFile>> {
        Ok(match &self.locales {
            Some(dir) => source::read_dir(dir)?,
            None => source::builtin(),
        })
    }

    pub fn catalog_text(&self) -> anyhow::Result<(String, String)> {
        Ok(match &self.catalog {
            Some(path) => (std::fs::read_to_string(path)?, path.display().to_string()),
            None => (
                crate::catalog::DEFAULT_CATALOG.to_owned(),
                crate::catalog::DEFAULT_CATALOG_NAME.to_owned(),
            ),
        })
    }

    /// Takes the admins' changes in the database now as the baseline (at start, before they
    /// are loaded), so that only later ones reload; unknown if the database cannot say, and
    /// then the first look reloads.
    pub async fn note_admin_changes(&mut self, store: &Store) {
        self.baseline.0 = store.admin().admin_fingerprint().await.ok();
    }

    /// Newest modification time of the files we read: taken once at start, to notice edits
    /// made between loading and watching.
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

    /// Watches the files on disk; every change sends on `changed` (coalesced: the channel
    /// holds one). `None` when everything is built in. The watcher stops when dropped.
    fn watch(
        &self,
        changed: mpsc::Sender<()>,
    ) -> notify::Result<Option<notify::RecommendedWatcher>> {
        if self.locales.is_none() && self.catalog.is_none() {
            return Ok(None);
        }
        let catalog = self.catalog.clone();
        let locales = self.locales.clone();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                let relevant = match &event {
                    // The catalogue's folder is watched (editors replace files by renaming), but
                    // only the catalogue itself counts there.
                    Ok(e) => e.paths.iter().any(|p| {
                        locales.as_ref().is_some_and(|l| p.starts_with(l))
                            || catalog.as_ref().is_some_and(|c| p == c)
                    }),
                    Err(_) => true,
                };
                if relevant {
                    let _ = changed.try_send(());
                }
            })?;
        if let Some(dir) = &self.locales {
            watcher.watch(dir, notify::RecursiveMode::Recursive)?;
        }
        if let Some(file) = &self.catalog {
            let folder = file
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            watcher.watch(folder, notify::RecursiveMode::NonRecursive)?;
        }
        Ok(Some(watcher))
    }
}

/// Reloads translations (files plus admins' changes) into the engine.
pub async fn reload_translations(
    office: &Office,
    store: &Store,
    sources: &Sources,
) -> anyhow::Result<()> {
    let files = sources.ftl_files()?;
    let overrides = store.admin().translation_overrides().await?;
    office.i18n().reload_with(&files, &overrides)?;
    Ok(())
}

/// Brings the stored reviews up to date with the texts in force, for every message or `only`
/// one (see `i18n::edit` on reviews): translations new since the last look count as written
/// against today's German text (at the first start, all of them), and so do translations
/// edited in their files; one whose German text changed while it stayed the same is to review.
pub async fn sync_reviews(
    office: &Office,
    store: &Store,
    sources: &Sources,
    only: Option<&str>,
) -> anyhow::Result<()> {
    // The rows before the texts: a row written in between (an admin's edit) is newer than the
    // texts read here, and the update leaves it alone.
    let stored = store.admin().translation_reviews(only).await?;
    let files = sources.ftl_files()?;
    let overrides = store.admin().translation_overrides().await?;
    let sync = edit::plan_review_sync(&edit::all_messages(&files, &overrides), &stored, only);
    store
        .admin()
        .sync_translation_reviews(&sync, office.now())
        .await?;
    Ok(())
}

/// Puts the catalogue in force: the newest saved by an admin, else the file.
pub async fn reload_catalog(
    office: &Office,
    store: &Store,
    sources: &Sources,
) -> anyhow::Result<()> {
    let (text, name) = match store.admin().latest_catalog().await? {
        Some(text) => (text, "catalogue saved by an admin".to_owned()),
        None => sources.catalog_text()?,
    };
    office.set_catalog(Catalog::parse(&text, &name)?);
    Ok(())
}

/// Keeps translations and catalogue current for one engine; see the module.
pub struct Live {
    engine: Weak<Engine>,
    sources: Sources,
    /// The admins' changes in force (only the watching task looks at it).
    seen: tokio::sync::Mutex<Option<(i64, i64)>>,
}

impl Live {
    pub fn new(engine: &Arc<Engine>, sources: Sources) -> Arc<Live> {
        Arc::new(Live {
            engine: Arc::downgrade(engine),
            seen: tokio::sync::Mutex::new(sources.baseline.0),
            sources,
        })
    }

    /// Reloads if admins changed something since the last look (or always, with `force`).
    async fn check(&self, force: bool) {
        let Some(engine) = self.engine.upgrade() else {
            return;
        };
        let mut seen = self.seen.lock().await;
        let now = match engine.store().admin().admin_fingerprint().await {
            Ok(now) => Some(now),
            Err(e) => {
                tracing::debug!(target: "live", error = %e, "admins' changes not looked at");
                return;
            }
        };
        if now == *seen && !force {
            return;
        }
        *seen = now;
        drop(seen);
        self.reload(&engine).await;
    }

    /// See [`sync_reviews`]; a failure is logged, and the next start or change of the files
    /// tries again.
    async fn sync_reviews(&self) {
        let Some(engine) = self.engine.upgrade() else {
            return;
        };
        if let Err(e) = sync_reviews(engine.office(), engine.store(), &self.sources, None).await {
            tracing::warn!(target: "live", error = %e, "translation reviews not updated");
        }
    }

    async fn reload(&self, engine: &Engine) {
        if let Err(e) = reload_translations(engine.office(), engine.store(), &self.sources).await {
            tracing::warn!(target: "live", error = %e, "translations not reloaded");
        }
        if let Err(e) = reload_catalog(engine.office(), engine.store(), &self.sources).await {
            tracing::warn!(target: "live", error = %e, "catalogue not reloaded");
        }
    }
}

/// Puts changes in force as they come, until the process ends (or the engine is gone).
pub async fn watch(live: Arc<Live>) {
    let (changed, mut files) = mpsc::channel(1);
    let _watcher = match live.sources.watch(changed) {
        Ok(w) => w,
        Err(e) => {
            tracing::warn!(target: "live", error = %e, "files on disk are not watched");
            None
        }
    };
    // Edits made between loading and watching.
    let edited = live.sources.files_changed() != live.sources.baseline.1;
    let mut listener = match live.engine.upgrade() {
        Some(engine) => match engine.store().admin().listen_admin_changes().await {
            Ok(l) => l,
            Err(e) => {
                tracing::warn!(target: "live", error = %e, "not listening for admins' changes");
                None
            }
        },
        None => return,
    };
    live.check(edited).await;
    live.sync_reviews().await;
    let mut look = tokio::time::interval(if listener.is_some() {
        SAFETY_NET
    } else {
        SQLITE_POLL
    });
    look.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = look.tick() => live.check(false).await,
            Some(()) = files.recv() => {
                tokio::time::sleep(SETTLE).await;
                while files.try_recv().is_ok() {}
                live.check(true).await;
                live.sync_reviews().await;
            }
            notified = next_notification(&mut listener) => match notified {
                Ok(true) => live.check(false).await,
                // The connection was lost and is made again: what came meanwhile is unknown.
                Ok(false) => live.check(true).await,
                // The next call connects again; what came meanwhile is looked for now.
                Err(e) => {
                    tracing::warn!(target: "live", error = %e, "listening for admins' changes failed");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    live.check(false).await;
                }
            },
        }
        if live.engine.strong_count() == 0 {
            return;
        }
    }
}

/// `Ok(true)` on a notification, `Ok(false)` when the connection was lost (it is made again
/// on the next call); never resolves without a listener.
async fn next_notification(
    listener: &mut Option<sqlx::postgres::PgListener>,
) -> Result<bool, sqlx::Error> {
    match listener {
        Some(l) => Ok(l.try_recv().await?.is_some()),
        None => std::future::pending().await,
    }
}
