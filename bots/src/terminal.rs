//! The terminal channel: the citizen's dialogue on stdin/stdout. Works for a person at a
//! terminal and for a script piping lines in; ends at end of input.

use std::io::{IsTerminal, Write};

use anyhow::Result;
use schalter_core::{Engine, Input, Lang, Reply};
use tokio::io::{AsyncBufReadExt, BufReader};

/// Longest accepted `--user`, in bytes.
pub const MAX_USER_LEN: usize = 64;

pub async fn run(engine: &Engine, user: &str, lang: Option<&str>) -> Result<()> {
    let conversation = format!("terminal:{user}");
    let interactive = std::io::stdin().is_terminal();
    let mut last_lang = lang.and_then(Lang::from_tag).unwrap_or(Lang::REFERENCE);
    let first = engine.open(&conversation, lang).await;
    show(engine, first, &mut last_lang, interactive)?;

    let mut stdin = BufReader::new(tokio::io::stdin());
    let mut line = Vec::new();
    loop {
        line.clear();
        if stdin.read_until(b'\n', &mut line).await? == 0 {
            return Ok(());
        }
        // Invalid UTF-8 becomes U+FFFD and gets the "cannot read this" answer.
        let text = String::from_utf8_lossy(&line)
            .trim_end_matches(['\n', '\r'])
            .to_owned();
        let reply = engine.handle(&conversation, Input::Text(text)).await;
        show(engine, reply, &mut last_lang, interactive)?;
    }
}

fn show(
    engine: &Engine,
    reply: Result<Reply, schalter_core::dialogue::EngineError>,
    last_lang: &mut Lang,
    interactive: bool,
) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match reply {
        Ok(reply) => {
            *last_lang = reply.lang;
            writeln!(out, "{}", reply.text)?;
            for (i, option) in reply.options.iter().enumerate() {
                writeln!(out, "[{}] {}", i + 1, option.label)?;
            }
        }
        Err(e) => {
            tracing::error!(target: "terminal", error = %e, "could not handle input");
            writeln!(out, "{}", engine.i18n().text(*last_lang, "error-temporary"))?;
        }
    }
    writeln!(out)?;
    if interactive {
        write!(out, "> ")?;
    }
    out.flush()?;
    Ok(())
}
