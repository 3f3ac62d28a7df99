//! `schalter`: the virtual citizens' office.

mod admin;
mod app;
mod channel;
mod check;
mod clerks;
mod config;
mod desk;
mod http;
mod mail;
mod matrix;
mod payments;
mod staff_cli;
mod telegram;
mod terminal;
mod web;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Result, bail};
use clap::{Parser, Subcommand};
use schalter_core::live;
use tracing_subscriber::EnvFilter;

use crate::config::Config;

#[derive(Debug, Parser)]
#[command(
    name = "schalter",
    version,
    about = "Schalter — a virtual citizens' office on Telegram, Matrix and the terminal"
)]
struct Cli {
    /// Configuration file (default: ./schalter.toml if present). SCHALTER_* variables override it.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run every configured channel, the clerk desk, timers and HTTP.
    Serve,
    /// Talk to the bot in this terminal (stdin/stdout; works piped; exits at end of input).
    Chat {
        /// Language to start in: de, en, tr, ar, uk, ru, pl, ro, it, fa, fr, es (otherwise you
        /// are asked).
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
        /// Who you are; the same name continues the same conversation.
        #[arg(long, value_name = "NAME")]
        user: Option<String>,
    },
    /// Work the waiting room as a clerk in this terminal (next, take, done, noshow, back, …).
    Desk {
        /// Your clerk id; it must be listed in SCHALTER_MATRIX_CLERKS.
        #[arg(long, value_name = "ID")]
        clerk: String,
        /// Language of the desk: de, en, tr, ar, uk, ru, pl, ro, it, fa, fr, es.
        #[arg(long, value_name = "LANG", default_value = "de")]
        lang: String,
    },
    /// Apply database migrations.
    Migrate,
    /// Apply the retention rules now (the daily job does it at 03:00) and say what went.
    Purge {
        /// Only count what would go; change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Ask the `schalter serve` of this configuration whether it is alive (`/healthz` on
    /// SCHALTER_HTTP_BIND); exit 0 if it is. For a container's health check, which has no
    /// shell or curl to ask with.
    Health,
    /// Work with the Fluent translations.
    Locales {
        #[command(subcommand)]
        command: LocalesCommand,
    },
    /// Staff accounts for signing in to the admin page without an identity provider.
    Staff {
        #[command(subcommand)]
        command: staff_cli::StaffCommand,
    },
}

#[derive(Debug, Subcommand)]
enum LocalesCommand {
    /// Check every locale against the reference locale (de); non-zero exit on errors.
    Check {
        /// Folder with one sub-folder of .ftl files per language.
        #[arg(value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let default_level = match cli.command {
        // The bot keeps no key backup on purpose; the crypto layer would warn about it often.
        Command::Serve | Command::Migrate => "info,matrix_sdk_crypto::backups=error",
        _ => "warn",
    };
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            EnvFilter::try_from_env("SCHALTER_LOG")
                .unwrap_or_else(|_| EnvFilter::new(default_level)),
        )
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Locales {
            command: LocalesCommand::Check { dir },
        } => locales_check(dir),
        Command::Migrate => {
            let config = Config::load(cli.config.as_deref())?;
            app::migrate(&config).await?;
            eprintln!(
                "migrations applied to {}",
                schalter_core::redact_url(&config.database_url)
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Chat { lang, user } => {
            let config = Config::load(cli.config.as_deref())?;
            let user = user
                .or_else(|| std::env::var("USER").ok())
                .unwrap_or_else(|| "citizen".into());
            if user.is_empty()
                || user.len() > terminal::MAX_USER_LEN
                || user.chars().any(char::is_control)
            {
                bail!(
                    "--user must be 1 to {} characters without control characters",
                    terminal::MAX_USER_LEN
                );
            }
            let (engine, sources) = app::engine_and_sources(&config).await?;
            engine.scheduler().recover_timers().await?;
            let watcher = tokio::spawn(live::watch(live::Live::new(&engine, sources)));
            let provider = payments::provider(config.payment.as_ref());
            terminal::run(engine.clone(), provider, &user, lang.as_deref()).await?;
            watcher.abort();
            engine.close().await;
            Ok(ExitCode::SUCCESS)
        }
        Command::Desk { clerk, lang } => {
            let config = Config::load(cli.config.as_deref())?;
            let Some(lang) = schalter_core::Lang::from_tag(&lang) else {
                let codes: Vec<&str> = schalter_core::Lang::ALL.iter().map(|l| l.code()).collect();
                bail!("--lang must be one of {}", codes.join(", "));
            };
            let (engine, sources) = app::engine_and_sources(&config).await?;
            engine.scheduler().recover_timers().await?;
            let watcher = tokio::spawn(live::watch(live::Live::new(&engine, sources)));
            let ok = desk::run(engine.clone(), &config, &clerk, lang).await?;
            watcher.abort();
            engine.close().await;
            Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            })
        }
        Command::Health => health(&Config::load(cli.config.as_deref())?).await,
        Command::Staff { command } => {
            let config = Config::load(cli.config.as_deref())?;
            let (engine, _) = app::engine_and_sources(&config).await?;
            let result = staff_cli::run(&engine, command).await;
            engine.close().await;
            result
        }
        Command::Purge { dry_run } => {
            let config = Config::load(cli.config.as_deref())?;
            let (engine, _) = app::engine_and_sources(&config).await?;
            let report = engine
                .rights()
                .purge(engine.office().clock().now(), dry_run)
                .await;
            engine.close().await;
            for (kind, effect, n) in report?.kinds() {
                let would = if dry_run { "would be " } else { "" };
                println!("{kind}: {n} {would}{}", effect.as_str());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve => {
            let config = Config::load(cli.config.as_deref())?;
            tracing::info!(?config, "starting");
            let (engine, sources) = app::engine_and_sources(&config).await?;
            engine.scheduler().recover_timers().await?;
            serve(config, engine, sources).await?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Every configured channel, timers and HTTP, until Ctrl-C or SIGTERM.
async fn serve(
    config: Config,
    engine: std::sync::Arc<schalter_core::Engine>,
    sources: live::Sources,
) -> Result<()> {
    let mut tasks = tokio::task::JoinSet::new();
    {
        let live = live::Live::new(&engine, sources.clone());
        tasks.spawn(async move {
            live::watch(live).await;
            Ok(())
        });
    }
    // One inbound path and one outbox wake-up for every channel of this process.
    let wake: channel::outbox::Wake = Arc::new(tokio::sync::Notify::new());
    let inbound = channel::inbound::Inbound::new(engine.clone(), wake.clone());
    {
        let inbound = inbound.clone();
        tasks.spawn(async move {
            inbound.sweep().await;
            Ok(())
        });
    }
    // Messages another replica queued for a channel this one delivers: its outbox loops look
    // at once (PostgreSQL's `NOTIFY`) instead of at their next round.
    {
        let (engine, wake) = (engine.clone(), wake.clone());
        tasks.spawn(async move {
            engine
                .outbox()
                .relay_announcements(|| {
                    wake.notify_waiters();
                    wake.notify_one();
                })
                .await;
            // SQLite: one process, nothing to relay. Every task here runs until the process
            // ends (one that returns stops it).
            std::future::pending::<Result<()>>().await
        });
    }
    let mut webhook = None;
    match config.telegram_token.clone() {
        Some(token) => {
            let tg = telegram::Telegram::new(&config, &token, inbound.clone())?;
            inbound.fetch_files_with(schalter_core::ChannelKind::Telegram, Arc::new(tg.clone()));
            if let Some(url) = &config.telegram_webhook_url {
                let parsed = url::Url::parse(url).map_err(|_| {
                    anyhow::anyhow!("SCHALTER_TELEGRAM_WEBHOOK_URL `{url}` is not a URL")
                })?;
                let path = match parsed.path() {
                    "" | "/" => "/telegram".to_owned(),
                    p => p.to_owned(),
                };
                webhook = Some(http::Webhook {
                    telegram: tg.clone(),
                    path,
                    secret: telegram::Telegram::webhook_secret(&token),
                });
            }
            let (config, wake) = (config.clone(), wake.clone());
            tasks.spawn(async move { telegram::run(config, token, tg, wake).await });
        }
        None if config.matrix_homeserver.is_none() => {
            tracing::warn!(
                "no messenger is configured (SCHALTER_TELEGRAM_TOKEN, SCHALTER_MATRIX_HOMESERVER): \
                 serving the web chat (/chat/), timers and HTTP only"
            );
        }
        None => {}
    }
    if config.matrix_homeserver.is_some() {
        let (config, inbound, wake) = (config.clone(), inbound.clone(), wake.clone());
        tasks.spawn(async move { matrix::run(config, inbound, wake).await });
    }
    let provider = payments::provider(config.payment.as_ref());
    let payments_hook = provider.clone().map(|provider| http::PaymentsHook {
        engine: engine.clone(),
        provider,
    });
    // The web chat is always served: a city links to it or embeds its widget.
    let web = web::Web {
        inbound: inbound.clone(),
        provider: provider.clone(),
        mail: config.mail.is_some(),
    };
    // E-mail for web citizens who give an address, through the city's relay.
    if let Some(mail) = &config.mail {
        let mail = mail::Mail::new(engine.clone(), mail)?;
        let wake = wake.clone();
        tasks.spawn(async move { mail::run(mail, wake).await });
    }
    {
        let (web, wake) = (web.clone(), wake.clone());
        tasks.spawn(async move { web::run(web, wake).await });
    }
    let chat = web::routes::WebChat::new(
        web,
        web::session::Origins {
            allowed: config.web_origins.clone(),
            trusted_proxies: config.web_trusted_proxies.clone(),
        },
    );
    let admin = admin::Admin::new(
        engine.clone(),
        sources,
        config.admin_token.clone(),
        config.oidc.clone(),
        config
            .oidc
            .as_ref()
            .map(|o| o.public_url.clone())
            .or_else(|| config.mail.as_ref().map(|m| m.public_url.clone())),
    )?;
    let mut router = http::router(engine.clone(), webhook, payments_hook)
        .merge(admin::router(admin.clone()))
        .merge(web::routes::router(chat))
        .merge(check::router(check::CheckPage::new(
            engine.clone(),
            config.video_base_url.clone(),
        )));
    match config.metrics_bind.clone() {
        // `/metrics` apart, where the public ingress does not reach.
        Some(bind) => {
            let metrics = admin::metrics_router(admin);
            tasks.spawn(async move { http::serve(&bind, metrics).await });
        }
        None => router = router.merge(admin::metrics_router(admin)),
    }
    let bind = config.http_bind.clone();
    tasks.spawn(async move { http::serve(&bind, router).await });
    {
        let engine = engine.clone();
        tasks.spawn(async move {
            let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));
            loop {
                tick.tick().await;
                if let Err(e) = engine.scheduler().run_timers().await {
                    tracing::warn!(error = %e, "timers failed");
                }
            }
        });
    }
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate.recv() => {}
        Some(done) = tasks.join_next() => {
            // A channel or the HTTP server stopped for good: say why and stop.
            done??;
        }
    }
    tasks.shutdown().await;
    engine.close().await;
    Ok(())
}

/// `schalter health` (see [`Command::Health`]).
async fn health(config: &Config) -> Result<ExitCode> {
    // A server listening on every address answers on loopback.
    let bind = config
        .http_bind
        .replace("0.0.0.0:", "127.0.0.1:")
        .replace("[::]:", "[::1]:");
    let url = format!("http://{bind}/healthz");
    let answer = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(3))
        .build()?
        .get(&url)
        .send()
        .await;
    match answer {
        Ok(r) if r.status().is_success() => Ok(ExitCode::SUCCESS),
        Ok(r) => {
            eprintln!("{url}: {}", r.status());
            Ok(ExitCode::FAILURE)
        }
        Err(e) => {
            eprintln!("{url}: {e}");
            Ok(ExitCode::FAILURE)
        }
    }
}

fn locales_check(dir: Option<PathBuf>) -> Result<ExitCode> {
    let dir = dir
        .or_else(|| std::env::var_os("SCHALTER_LOCALES_DIR").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(config::DEFAULT_LOCALES_DIR));
    let files = schalter_core::i18n::source::read_dir(&dir)?;
    let report = schalter_core::i18n::check::check(&files);
    print!("{}", report.render());
    if report.is_ok() {
        println!(
            "{}: all {} locales complete",
            dir.display(),
            report.locales.len()
        );
        Ok(ExitCode::SUCCESS)
    } else {
        println!("{}: locale errors found", dir.display());
        Ok(ExitCode::FAILURE)
    }
}
