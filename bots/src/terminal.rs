//! The terminal channel: the citizen's dialogue on stdin/stdout. Works for a person at a
//! terminal and for a script piping lines in; ends at end of input.

use std::io::{IsTerminal, Write};

use anyhow::Result;
use schalter_core::queue::Message;
use schalter_core::{Choice, Engine, Input, Lang, Reply};
use tokio::io::{AsyncBufReadExt, BufReader};

/// Longest accepted `--user`, in bytes.
pub const MAX_USER_LEN: usize = 64;

pub async fn run(engine: &Engine, user: &str, lang: Option<&str>) -> Result<()> {
    let conversation = format!("terminal:{user}");
    let interactive = std::io::stdin().is_terminal();
    let mut screen = Screen {
        lang: lang.and_then(Lang::from_tag).unwrap_or(Lang::REFERENCE),
        options: Vec::new(),
        interactive,
    };
    let first = engine.open(&conversation, lang).await;
    screen.show(engine, first)?;

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
    let mut tick = tokio::time::interval(std::time::Duration::from_millis(500));
    loop {
        tokio::select! {
            line = lines.recv() => {
                let Some(text) = line else { return Ok(()) };
                let reply = engine.handle(&conversation, Input::Text(text)).await;
                screen.show(engine, reply)?;
            }
            _ = tick.tick() => {
                if let Err(e) = engine.run_timers().await {
                    tracing::warn!(target: "terminal", error = %e, "timers failed");
                }
                if let Err(e) = deliver(engine, &conversation, &mut screen).await {
                    tracing::warn!(target: "terminal", error = %e, "notification delivery failed");
                }
            }
        }
    }
}

/// Prints what the core has for this conversation: reminders, waiting-room updates, the call.
async fn deliver(engine: &Engine, conversation: &str, screen: &mut Screen) -> Result<()> {
    for n in engine
        .store()
        .pending_notifications(conversation, 20)
        .await?
    {
        if n.conversation_id != conversation {
            continue;
        }
        let message: Option<Message> = serde_json::from_str(&n.body).ok();
        engine.store().mark_delivered(&n.id, n.version).await?;
        let Some(message) = message else { continue };
        screen.print_text(&message.text)?;
        // Buttons that the current step does not offer (e.g. "check in now") appear with the
        // current step shown again.
        let known = message
            .options
            .iter()
            .all(|o| screen.options.iter().any(|c| c.id == o.id));
        if !known {
            let current = engine.current(conversation).await;
            screen.show(engine, current)?;
        }
    }
    Ok(())
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
                writeln!(out, "{}", reply.text)?;
                for (i, option) in reply.options.iter().enumerate() {
                    writeln!(out, "[{}] {}", i + 1, option.label)?;
                }
                self.options = reply.options;
            }
            Err(e) => {
                tracing::error!(target: "terminal", error = %e, "could not handle input");
                writeln!(out, "{}", engine.i18n().text(self.lang, "error-temporary"))?;
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

    /// A notification: its text, marked so that scripts can tell it from a reply.
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
