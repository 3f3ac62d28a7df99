//! A Telegram citizen's conversation, one input at a time, behind the Bot API emulator.

use std::time::{Duration, Instant};

use schalter_tests::telegram_emulator::{Emulator, TgUser};
use tokio::sync::watch;

use crate::nets::{Active, pass_gate};
use crate::{INPUTS, REPLY_LIMIT};

/// One Telegram citizen's conversation: each input waits for the bot's reply before the
/// next. If `gate` is given, the last input waits until it opens. Returns, per input, when it
/// was sent (since `begin`) and how long its reply took.
pub(crate) async fn conversation(
    emu: Emulator,
    user: TgUser,
    start_after: Duration,
    gate: Option<watch::Receiver<bool>>,
    active: Active,
    begin: Instant,
) -> Result<Vec<(Duration, Duration)>, String> {
    tokio::time::sleep(start_after).await;
    let mut latencies = Vec::new();
    for (i, text) in INPUTS.iter().enumerate() {
        if i > 0 {
            let think = rand::random_range(200..800);
            tokio::time::sleep(Duration::from_millis(think)).await;
        }
        if i == INPUTS.len() - 1
            && let Some(mut gate) = gate.clone()
            && !pass_gate(&mut gate, &active).await
        {
            active.down();
            return Err(format!("user {}: the gate was dropped", user.id));
        }
        let before = emu.messages(user.id).len();
        let sent = Instant::now();
        emu.send_text(&user, text);
        loop {
            if emu.messages(user.id).len() > before {
                latencies.push((sent.duration_since(begin), sent.elapsed()));
                break;
            }
            if sent.elapsed() > REPLY_LIMIT {
                active.down();
                return Err(format!(
                    "user {}: no reply to {text:?} (input {} of 4) within {REPLY_LIMIT:?}; \
                     the bot sent {:?}",
                    user.id,
                    i + 1,
                    texts(&emu, user.id)
                ));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    active.down();
    Ok(latencies)
}

/// The beginnings of the bot's messages to a chat, for failure messages.
pub(crate) fn texts(emu: &Emulator, chat: i64) -> Vec<String> {
    emu.messages(chat)
        .iter()
        .map(|m| m.text.chars().take(40).collect())
        .collect()
}
