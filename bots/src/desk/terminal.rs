//! The clerk's desk in a terminal: commands from stdin, answers and the morning agenda on
//! stdout, the clerk on duty while it runs.

use std::io::Write;
use std::sync::Arc;

use anyhow::Result;
use schalter_core::fargs;
use schalter_core::{Capabilities, ChannelKind, Engine, Lang};
use tokio::io::{AsyncBufReadExt, BufReader};

use super::answer::{Readers, execute};
use super::command::Command;
use crate::channel::{Channel, Delivery, SendError, Sent, outbox};
use crate::clerks;
use crate::config::Config;

pub async fn run(engine: Arc<Engine>, config: &Config, clerk: &str, lang: Lang) -> Result<bool> {
    let i18n = engine.office().i18n();
    if !clerks::is_clerk(config, clerk) {
        print(&i18n.msg(lang, "desk-not-clerk", &fargs!["clerk" => clerk.to_owned()]))?;
        return Ok(false);
    }
    engine.desk().set_presence(clerk, true).await?;
    print(&i18n.msg(lang, "desk-welcome", &fargs!["clerk" => clerk.to_owned()]))?;
    let provider = crate::payments::provider(config.payment.as_ref());

    // Presence, leases and timers keep going while the clerk reads or talks.
    let background = {
        let engine = engine.clone();
        let clerk = clerk.to_owned();
        tokio::spawn(async move {
            let every = engine
                .waiting_room()
                .heartbeat()
                .to_std()
                .unwrap_or(std::time::Duration::from_secs(30));
            let mut beat = tokio::time::interval(every);
            let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));
            loop {
                tokio::select! {
                    _ = beat.tick() => {
                        if let Err(e) = engine.desk().keep_alive(&clerk).await {
                            tracing::warn!(target: "desk", error = %e, "heartbeat failed");
                        }
                    }
                    _ = tick.tick() => {
                        if let Err(e) = engine.scheduler().run_timers().await {
                            tracing::warn!(target: "desk", error = %e, "timers failed");
                        }
                    }
                }
            }
        })
    };
    // The morning agenda, when no Matrix desk room receives it.
    let agenda = config.matrix_homeserver.is_none().then(|| {
        tokio::spawn(outbox::run(
            Arc::new(TerminalDesk {
                engine: engine.clone(),
                lang,
            }),
            engine.clone(),
            Arc::new(tokio::sync::Notify::new()),
        ))
    });

    let files = CallFiles::default();
    let mut lines = BufReader::new(tokio::io::stdin());
    let mut buf = Vec::new();
    loop {
        buf.clear();
        if lines.read_until(b'\n', &mut buf).await? == 0 {
            break;
        }
        let line = String::from_utf8_lossy(&buf);
        let Some(command) = Command::parse(&line) else {
            continue;
        };
        let video = clerks::video_link(config);
        let answer = match execute(
            &engine,
            clerk,
            lang,
            command,
            video.as_deref(),
            Readers::ClerksOnly,
            provider.as_deref(),
        )
        .await
        {
            Ok(a) => {
                let mut text = a.text;
                if let Some(e) = &a.picked {
                    match files.save(&engine, lang, e).await {
                        Ok(paths) => {
                            for (name, path) in paths {
                                text.push('\n');
                                text.push_str(&i18n.msg(
                                    lang,
                                    "desk-document-file",
                                    &fargs!["document" => name, "path" => path.display().to_string()],
                                ));
                            }
                        }
                        Err(e) => {
                            tracing::warn!(target: "desk", error = %e, "documents not written")
                        }
                    }
                }
                if let Some(e) = &a.finished {
                    files.remove(e);
                }
                text
            }
            Err(e) => {
                tracing::error!(target: "desk", error = %e, "desk command failed");
                i18n.text(lang, "error-temporary")
            }
        };
        print(&answer)?;
    }
    files.remove_all();
    background.abort();
    if let Some(agenda) = agenda {
        agenda.abort();
    }
    // A desk that closes is no longer on duty.
    engine.desk().set_presence(clerk, false).await?;
    Ok(true)
}

/// The documents of the calls this desk has, written for the clerk to open: in a directory of
/// this process open to this user only, one folder per call, deleted when the call ends and
/// when the desk closes.
#[derive(Default)]
struct CallFiles(std::sync::Mutex<Option<std::path::PathBuf>>);

impl CallFiles {
    fn dir(&self) -> std::io::Result<std::path::PathBuf> {
        let mut dir = self.0.lock().unwrap_or_else(|e| e.into_inner());
        match &*dir {
            Some(d) => Ok(d.clone()),
            None => Ok(dir.insert(crate::terminal::private_dir()?).clone()),
        }
    }

    /// Writes the documents of the picked citizen's booking; `(name, path)` each.
    async fn save(
        &self,
        engine: &Engine,
        lang: Lang,
        entry: &schalter_core::desk::QueueEntry,
    ) -> Result<Vec<(String, std::path::PathBuf)>> {
        let Some(booking) = &entry.booking_id else {
            return Ok(Vec::new());
        };
        let documents = engine.documents();
        let rows = documents.for_call(booking).await?;
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let names = documents.file_names(lang, &rows);
        let folder = self.dir()?.join(&entry.id);
        std::fs::create_dir_all(&folder)?;
        let mut out = Vec::new();
        for (row, name) in rows.iter().zip(names) {
            let Some(bytes) = documents.open(row).await? else {
                continue;
            };
            let path = folder.join(&name);
            std::fs::write(&path, &bytes)?;
            out.push((name, path));
        }
        Ok(out)
    }

    fn remove(&self, entry: &schalter_core::desk::QueueEntry) {
        if let Some(dir) = &*self.0.lock().unwrap_or_else(|e| e.into_inner()) {
            let _ = std::fs::remove_dir_all(dir.join(&entry.id));
        }
    }

    fn remove_all(&self) {
        if let Some(dir) = self.0.lock().unwrap_or_else(|e| e.into_inner()).take() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

fn print(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}\n")?;
    out.flush()?;
    Ok(())
}

/// The terminal desk as the channel of the desk's messages (the morning agenda), shown in
/// the desk's language.
struct TerminalDesk {
    engine: Arc<Engine>,
    lang: Lang,
}

impl Channel for TerminalDesk {
    fn serves(&self) -> Vec<ChannelKind> {
        vec![ChannelKind::Desk]
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            buttons: false,
            url_buttons: false,
            edit_in_place: false,
            max_text: usize::MAX,
            max_option_id: 0,
        }
    }

    async fn send(&self, d: &Delivery) -> Result<Sent, SendError> {
        let date = d
            .slot
            .as_deref()
            .and_then(|s| s.rsplit(':').next())
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let text = match date {
            Some(date) if d.kind == schalter_core::notice::NoticeKind::Agenda => self
                .engine
                .scheduler()
                .agenda_text(self.lang, date, true)
                .await
                .map_err(SendError::internal)?,
            _ => self.capabilities().text_of(&d.message),
        };
        print(&text).map_err(SendError::internal)?;
        Ok(Sent::default())
    }
}
