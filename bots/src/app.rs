//! Wiring: configuration in, a ready dialogue engine out.

use std::sync::Arc;

use anyhow::{Context, Result, bail};
use schalter_core::documents::DocumentKey;
use schalter_core::i18n::source;
use schalter_core::{Catalog, Engine, I18n, Lang, ShiftedClock, Store, SystemClock};

use std::path::Path;

use crate::config::Config;
use schalter_core::live::{self, Sources};

/// The engine and where its words and catalogue come from (for live reloads).
pub async fn engine_and_sources(config: &Config) -> Result<(Arc<Engine>, Sources)> {
    let mut sources = Sources {
        locales: config.locales_dir.path().map(Path::to_path_buf),
        catalog: config.catalog.path().map(Path::to_path_buf),
        baseline: (None, None),
    };
    sources.baseline.1 = sources.files_changed();
    let (catalog, catalog_name) = match config.catalog.path() {
        Some(path) => (Catalog::load(path)?, path.display().to_string()),
        None => (
            Catalog::builtin()?,
            schalter_core::catalog::DEFAULT_CATALOG_NAME.to_owned(),
        ),
    };
    let files = match config.locales_dir.path() {
        Some(dir) => {
            let files = source::read_dir(dir)?;
            if files.is_empty() {
                bail!("{}: no .ftl files in <lang>/ folders", dir.display());
            }
            files
        }
        None => source::builtin(),
    };
    let i18n = I18n::from_files(&files)?;
    for (id, line) in catalog.required_messages() {
        if !i18n.has(Lang::REFERENCE, &id) {
            bail!(
                "{catalog_name}:{line}: the catalogue needs the message `{id}`, which locale {} lacks",
                Lang::REFERENCE
            );
        }
    }
    let store = connect(config).await?;
    let clock: Arc<dyn schalter_core::Clock> = match config.clock_start {
        Some(start) => {
            tracing::warn!(%start, "SCHALTER_CLOCK_START is set: the office runs on a shifted clock");
            Arc::new(ShiftedClock::starting_at(start))
        }
        None => Arc::new(SystemClock),
    };
    let engine = Arc::new(Engine::new(
        catalog,
        Arc::new(i18n),
        store.clone(),
        clock,
        config.timezone,
    ));
    engine.waiting_room().set_lease(config.clerk_lease);
    engine.device_checks().set_base(&public_base(config));
    match documents_key(config)? {
        Some(key) => engine.documents().unlock(key),
        None => tracing::warn!(
            "no SCHALTER_DOCUMENTS_KEY: citizens are told that documents are not taken in the chat"
        ),
    }
    // Where citizens can pay from home: Telegram by invoice, the others by a hosted link.
    let mut online = Vec::new();
    if config.telegram_token.is_some() && config.telegram_payment_token.is_some() {
        online.push(schalter_core::ChannelKind::Telegram);
    }
    if config.payment.is_some() {
        online.extend([
            schalter_core::ChannelKind::Matrix,
            schalter_core::ChannelKind::Web,
            schalter_core::ChannelKind::Terminal,
        ]);
    }
    engine.payments().set_online_payments(online);
    // Admins' changes in the database are in force from the start.
    sources.note_admin_changes(&store).await;
    live::reload_translations(engine.office(), &store, &sources).await?;
    live::reload_catalog(engine.office(), &store, &sources).await?;
    Ok((engine, sources))
}

/// Where citizens reach this server, for the links Schalter sends: `SCHALTER_PUBLIC_URL`, else
/// the HTTP address it serves on (a machine of its own: any address is this one).
fn public_base(config: &Config) -> String {
    if let Some(url) = &config.public_url {
        return url.clone();
    }
    let bind = &config.http_bind;
    let port = bind.rsplit_once(':').map_or("8080", |(_, p)| p);
    let host = bind.rsplit_once(':').map_or("", |(h, _)| h);
    match host {
        "" | "0.0.0.0" | "[::]" => format!("http://localhost:{port}"),
        host => format!("http://{host}:{port}"),
    }
}

/// The key the documents citizens send are sealed with: `SCHALTER_DOCUMENTS_KEY`; else, on a
/// SQLite file, a key of its own in `<database>.documents-key` beside it (made on first start,
/// readable by its owner only), so that a newcomer's `schalter chat` takes documents and a
/// backup of the database alone does not open them; else, in memory, one for this process.
/// On PostgreSQL every replica needs the same key: without it, no documents.
pub fn documents_key(config: &Config) -> Result<Option<DocumentKey>> {
    if let Some(hex) = &config.documents_key {
        return Ok(Some(DocumentKey::from_hex(hex)?));
    }
    let Some(rest) = config
        .database_url
        .strip_prefix("sqlite://")
        .or_else(|| config.database_url.strip_prefix("sqlite:"))
    else {
        return Ok(None);
    };
    let path = rest.split('?').next().unwrap_or_default();
    if path.is_empty() || path == ":memory:" || rest.contains("mode=memory") {
        return Ok(Some(DocumentKey::from_hex(&DocumentKey::generate_hex())?));
    }
    let file = std::path::PathBuf::from(format!("{path}.documents-key"));
    if let Ok(text) = std::fs::read_to_string(&file) {
        return DocumentKey::from_hex(&text)
            .map(Some)
            .with_context(|| format!("{} holds no documents key", file.display()));
    }
    let hex = DocumentKey::generate_hex();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(&file) {
        Ok(mut f) => {
            std::io::Write::write_all(&mut f, format!("{hex}\n").as_bytes())
                .and_then(|()| f.sync_all())
                .with_context(|| format!("cannot write {}", file.display()))?;
            tracing::info!(file = %file.display(), "made a documents key beside the database");
            Ok(Some(DocumentKey::from_hex(&hex)?))
        }
        // Another process made it a moment ago.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let text = std::fs::read_to_string(&file)?;
            Ok(Some(DocumentKey::from_hex(&text)?))
        }
        Err(e) => Err(e).with_context(|| format!("cannot make {}", file.display())),
    }
}

/// Brings the configured database's schema up to date (`schalter migrate`).
pub async fn migrate(config: &Config) -> Result<()> {
    connect(config).await?.close().await;
    Ok(())
}

/// Connects to the configured database and brings its schema up to date. The composition
/// root is the one place in `bots/` that names the store: it opens it and hands it to the
/// engine.
pub async fn connect(config: &Config) -> Result<Store> {
    let url = schalter_core::redact_url(&config.database_url);
    let store = Store::connect(&config.database_url)
        .await
        .with_context(|| format!("cannot open the database {url}"))?;
    store
        .migrate()
        .await
        .with_context(|| format!("cannot migrate the database {url}"))?;
    Ok(store)
}
