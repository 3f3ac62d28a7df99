//! The terminal channel: the citizen's dialogue on stdin/stdout. Works for a person at a
//! terminal and for a script piping lines in; ends at end of input. Replies are printed as
//! the answer to each line; reminders, waiting-room updates and the call come through the
//! shared outbox, for this one conversation. A file sent to the citizen (the calendar file of
//! a booking) is written to a directory of its own and its path printed.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Result;
use schalter_core::dialogue::Fetched;
use schalter_core::{
    Capabilities, ChannelKind, Choice, ConversationId, Engine, Input, Lang, Reply,
};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::sync::{Mutex, Notify};

use crate::channel::{Channel, Delivery, SendError, Sent, outbox};

/// Longest accepted `--user`, in bytes.
pub const MAX_USER_LEN: usize = 64;

pub async fn run(
    engine: Arc<Engine>,
    provider: Option<crate::payments::Provider>,
    user: &str,
    lang: Option<&str>,
) -> Result<()> {
    let conversation = ConversationId::new(ChannelKind::Terminal, user);
    let interactive = std::io::stdin().is_terminal();
    let terminal = Arc::new(Terminal {
        engine: engine.clone(),
        provider,
        conversation: conversation.clone(),
        files: Files::default(),
        screen: Mutex::new(Screen {
            lang: lang.and_then(Lang::from_tag).unwrap_or(Lang::REFERENCE),
            options: Vec::new(),
            interactive,
        }),
    });
    let first = engine.dialogue().open(&conversation, lang).await;
    terminal.screen.lock().await.show(&engine, first)?;

    // Reading stdin runs on its own task so that waiting-room updates and reminders print
    // while the citizen is not typing.
    let (tx, mut lines) = tokio::sync::mpsc::channel::<String>(16);
    tokio::spawn(async move {
        let mut stdin = BufReader::new(tokio::io::stdin());
        let mut line = Vec::new();
        loop {
            line.clear();
            match stdin.read_until(b'\n', &mut line).await {
                Ok(0) | Err(_) => break,
                // Invalid UTF-8 becomes U+FFFD and gets the "cannot read this" answer.
                Ok(_) => {
                    let text = String::from_utf8_lossy(&line)
                        .trim_end_matches(['\n', '\r'])
                        .to_owned();
                    if tx.send(text).await.is_err() {
                        break;
                    }
                }
            }
        }
    });
    let deliveries = tokio::spawn(outbox::run(
        terminal.clone(),
        engine.clone(),
        Arc::new(Notify::new()),
    ));
    let mut tick = tokio::time::interval(std::time::Duration::from_millis(500));
    let result = loop {
        tokio::select! {
            line = lines.recv() => {
                let Some(text) = line else { break Ok(()) };
                let reply = match attached(&text) {
                    Some(path) => attach(&engine, &conversation, path).await,
                    None => engine.dialogue().handle(&conversation, Input::Text(text)).await,
                };
                if let Err(e) = terminal.screen.lock().await.show(&engine, reply) {
                    break Err(e);
                }
            }
            _ = tick.tick() => {
                if let Err(e) = engine.scheduler().run_timers().await {
                    tracing::warn!(target: "terminal", error = %e, "timers failed");
                }
            }
        }
    };
    deliveries.abort();
    result
}

/// The path of `/attach PATH` (quotes around it taken off), or `None` for any other line.
fn attached(line: &str) -> Option<&str> {
    let rest = line.trim().strip_prefix("/attach")?;
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    let path = rest.trim();
    Some(
        path.strip_prefix(['"', '\''])
            .and_then(|p| p.strip_suffix(['"', '\'']))
            .unwrap_or(path),
    )
}

/// `/attach PATH`: the file goes to the core like a photo sent on Telegram. Each is an input
/// of its own (the terminal has no inbox that could deliver it twice).
async fn attach(
    engine: &Engine,
    conversation: &ConversationId,
    path: &str,
) -> Result<Reply, schalter_core::engine::EngineError> {
    use crate::channel::{FetchError, FetchFile};
    let documents = engine.documents();
    let fetched = match LocalFiles.fetch(path, documents.max_bytes()).await {
        Ok(file) => Fetched::Reading(file),
        Err(FetchError::TooLarge) => Fetched::TooLarge,
        Err(_) => Fetched::Gone,
    };
    let key = format!("attach:{}", hex::encode(rand::random::<[u8; 16]>()));
    Ok(engine
        .dialogue()
        .handle_file(conversation, &key, None, fetched)
        .await?
        .reply)
}

/// Files on this machine, by path (the terminal's `/attach`), read as the core takes them.
pub struct LocalFiles;

impl crate::channel::FetchFile for LocalFiles {
    fn fetch<'a>(&'a self, source: &'a str, max_bytes: usize) -> crate::channel::Fetching<'a> {
        use crate::channel::FetchError;
        Box::pin(async move {
            let file = tokio::fs::File::open(source)
                .await
                .map_err(|_| FetchError::Gone)?;
            if !file
                .metadata()
                .await
                .map_err(|_| FetchError::Gone)?
                .is_file()
            {
                return Err(FetchError::Gone);
            }
            if file.metadata().await.map_err(|_| FetchError::Gone)?.len() > max_bytes as u64 {
                return Err(FetchError::TooLarge);
            }
            let file: crate::channel::FileReader = Box::new(file);
            Ok(file)
        })
    }
}

/// One citizen's terminal as a channel.
struct Terminal {
    engine: Arc<Engine>,
    provider: Option<crate::payments::Provider>,
    conversation: ConversationId,
    files: Files,
    screen: Mutex<Screen>,
}

impl Channel for Terminal {
    fn serves(&self) -> Vec<ChannelKind> {
        vec![ChannelKind::Terminal]
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

    fn only(&self) -> Option<ConversationId> {
        Some(self.conversation.clone())
    }

    /// Prints a notification: its text, marked so that scripts can tell it from a reply.
    /// Options the current step does not offer (e.g. "check in now") appear with the current
    /// step shown again.
    async fn send(&self, d: &Delivery) -> Result<Sent, SendError> {
        let mut screen = self.screen.lock().await;
        let message =
            match crate::payments::with_link(&self.engine, self.provider.as_deref(), &d.message)
                .await
            {
                Ok(m) => m,
                Err(e) => {
                    if let (Some(ask), 0) = (&d.message.payment, d.attempts) {
                        screen
                            .print_text(&ask.unavailable)
                            .map_err(SendError::internal)?;
                    }
                    return Err(e);
                }
            };
        // Links on lines of their own, so that terminals can open them.
        let mut text = schalter_core::links::on_own_lines(&message.text);
        if let Some(link) = &message.link
            && !text.contains(&link.url)
        {
            text.push_str(&format!("\n{}:\n{}", link.label, link.url));
        }
        if let Some(file) = &message.attachment {
            let path = self.files.save(file).map_err(SendError::internal)?;
            text.push_str(&format!("\n{}", path.display()));
        }
        screen.print_text(&text).map_err(SendError::internal)?;
        let known = message
            .options
            .iter()
            .all(|o| screen.options.iter().any(|c| c.id == o.id));
        if !known {
            let current = self.engine.dialogue().current(&self.conversation).await;
            screen
                .show(&self.engine, current)
                .map_err(SendError::internal)?;
        }
        Ok(Sent::default())
    }
}

/// Where the files sent to the citizen go: a directory of this process in the system's
/// temporary directory, made on first use, with a random name and (on Unix) open to this user
/// only, so that nobody else can put a link or a file in its place.
#[derive(Default)]
struct Files(std::sync::Mutex<Option<PathBuf>>);

impl Files {
    /// Writes the file (a second one of the same name replaces it: a booking's calendar file
    /// is always its latest version) and returns its path.
    fn save(&self, file: &schalter_core::queue::Attachment) -> std::io::Result<PathBuf> {
        let mut dir = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let dir = match &*dir {
            Some(d) => d.clone(),
            None => dir.insert(private_dir()?).clone(),
        };
        // The last part of the name only, in characters any file system takes.
        let name: String = Path::new(&file.file_name)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("file")
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let path = dir.join(name);
        std::fs::write(&path, &file.content)?;
        Ok(path)
    }
}

/// A new directory of this process in the system's temporary directory, open to this user
/// only (on Unix), with a random name.
pub(crate) fn private_dir() -> std::io::Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!(
        "schalter-files-{}",
        schalter_core::reference::secret_token()
    ));
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(&dir)?;
    Ok(dir)
}

/// What the terminal shows: the last reply's language and options.
struct Screen {
    lang: Lang,
    options: Vec<Choice>,
    interactive: bool,
}

impl Screen {
    fn show(
        &mut self,
        engine: &Engine,
        reply: Result<Reply, schalter_core::dialogue::EngineError>,
    ) -> Result<()> {
        let mut out = std::io::stdout().lock();
        match reply {
            Ok(reply) => {
                self.lang = reply.lang;
                // Links on lines of their own, so that terminals can open them.
                writeln!(out, "{}", schalter_core::links::on_own_lines(&reply.text))?;
                for (i, option) in reply.options.iter().enumerate() {
                    writeln!(out, "[{}] {}", i + 1, option.label)?;
                }
                self.options = reply.options;
            }
            Err(e) => {
                tracing::error!(target: "terminal", error = %e, "could not handle input");
                writeln!(
                    out,
                    "{}",
                    engine.office().i18n().text(self.lang, "error-temporary")
                )?;
                // Keep the reply shape (options, then a blank line) for scripts.
                for (i, option) in self.options.iter().enumerate() {
                    writeln!(out, "[{}] {}", i + 1, option.label)?;
                }
            }
        }
        writeln!(out)?;
        if self.interactive {
            write!(out, "> ")?;
        }
        out.flush()?;
        Ok(())
    }

    fn print_text(&self, text: &str) -> Result<()> {
        let mut out = std::io::stdout().lock();
        for line in text.lines() {
            writeln!(out, "* {line}")?;
        }
        writeln!(out)?;
        out.flush()?;
        Ok(())
    }
}
