//! The citizens' load: the closed loop tapping through a booking, the open loop at a fixed
//! rate, and the exchanges they time.

use std::time::{Duration, Instant};

use schalter_tests::telegram_emulator::{Emulator, TgUser};

use crate::bots::{Running, Side};
use crate::report::{Figures, figures, p50_by_input};
use crate::{PATIENCE, RATE, SCRIPT, SUSTAIN, SUSTAIN_CHATS};

fn user(chat: i64) -> TgUser {
    TgUser::new(chat, "Bench", Some("de"))
}

/// One message and its reply; `None` if no reply came.
async fn ask(emu: &Emulator, chat: i64, after: i64, text: &str) -> Option<(i64, Instant, Instant)> {
    let update = emu.send_text(&user(chat), text);
    // A booking's calendar file follows its confirmation; the reply is the text.
    let mut after = after;
    let reply = loop {
        let m = emu.next_message(chat, after, PATIENCE).await?;
        if m.document.is_none() {
            break m;
        }
        after = m.message_id;
    };
    let asked = emu.pushed_at(update).expect("queued update");
    let answered = emu.sent_at(chat, reply.message_id).expect("sent reply");
    Some((reply.message_id, asked, answered))
}

/// A first exchange before timing, so that connections and caches are warm.
async fn warm_up(emu: &Emulator) {
    ask(emu, 1, 0, "/start")
        .await
        .expect("the bot answers at all");
}

/// `chats` citizens tap through [`SCRIPT`] at once.
pub(crate) async fn closed_loop(side: Side, chats: usize, think: Duration) -> Figures {
    let emu = Emulator::start().await;
    let bot = Running::start(side, &emu).await;
    warm_up(&emu).await;
    let mut citizens = Vec::new();
    for c in 0..chats {
        let emu = emu.clone();
        let chat = 10_000 + c as i64;
        citizens.push(tokio::spawn(async move {
            let mut after = 0;
            let mut times = Vec::new();
            for (i, text) in SCRIPT.iter().enumerate() {
                if i > 0 {
                    tokio::time::sleep(think).await;
                }
                let Some((reply, asked, answered)) = ask(&emu, chat, after, text).await else {
                    break;
                };
                after = reply;
                times.push((asked, answered));
            }
            times
        }));
    }
    let mut times = Vec::new();
    let mut by_input = vec![Vec::new(); SCRIPT.len()];
    for c in citizens {
        let exchanges = c.await.expect("citizen");
        for (i, (asked, answered)) in exchanges.iter().enumerate() {
            by_input[i].push(answered.saturating_duration_since(*asked));
        }
        times.extend(exchanges);
    }
    bot.stop().await;
    let missing = chats * SCRIPT.len() - times.len();
    let first = times.iter().map(|t| t.0).min().expect("some exchange");
    let last = times.iter().map(|t| t.1).max().expect("some exchange");
    let latencies = times
        .iter()
        .map(|(a, b)| b.saturating_duration_since(*a))
        .collect();
    Figures {
        by_input: p50_by_input(by_input),
        ..figures(latencies, missing, last - first)
    }
}

/// [`RATE`] messages a second for [`SUSTAIN`], whatever the replies do.
pub(crate) async fn open_loop(side: Side) -> Figures {
    let emu = Emulator::start().await;
    let bot = Running::start(side, &emu).await;
    warm_up(&emu).await;
    let total = (SUSTAIN.as_secs_f64() * f64::from(RATE)).round() as i64;
    let step = Duration::from_secs(1) / RATE;
    let start = tokio::time::Instant::now();
    // (chat, update) in the order sent.
    let mut sent: Vec<(i64, i64)> = Vec::new();
    for i in 0..total {
        tokio::time::sleep_until(start + step * u32::try_from(i).unwrap_or(u32::MAX)).await;
        let chat = 20_000 + i % SUSTAIN_CHATS;
        let text = SCRIPT[usize::try_from(i / SUSTAIN_CHATS).unwrap_or(0) % SCRIPT.len()];
        sent.push((chat, emu.send_text(&user(chat), text)));
    }
    let chats: Vec<i64> = (0..SUSTAIN_CHATS.min(total)).map(|c| 20_000 + c).collect();
    let deadline = Instant::now() + PATIENCE;
    while Instant::now() < deadline {
        let replies: usize = chats.iter().map(|c| replies(&emu, *c).len()).sum();
        if replies >= sent.len() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    bot.stop().await;
    // Each message gets one reply, in order: the k-th reply in a chat answers its k-th message.
    let mut latencies = Vec::new();
    let mut missing = 0;
    let mut first: Option<Instant> = None;
    let mut last: Option<Instant> = None;
    for chat in chats {
        let replies = replies(&emu, chat);
        let asked: Vec<i64> = sent
            .iter()
            .filter(|(c, _)| *c == chat)
            .map(|(_, u)| *u)
            .collect();
        missing += asked.len().saturating_sub(replies.len());
        for (update, reply) in asked.iter().zip(&replies) {
            let a = emu.pushed_at(*update).expect("queued update");
            let b = emu.sent_at(chat, reply.message_id).expect("sent reply");
            first = Some(first.map_or(a, |f| f.min(a)));
            last = Some(last.map_or(b, |l| l.max(b)));
            latencies.push(b.saturating_duration_since(a));
        }
    }
    let span = match (first, last) {
        (Some(f), Some(l)) => l - f,
        _ => Duration::ZERO,
    };
    figures(latencies, missing, span)
}

/// The bot's text messages to `chat`, in order (calendar files are not replies).
fn replies(emu: &Emulator, chat: i64) -> Vec<schalter_tests::telegram_emulator::BotMessage> {
    let mut messages = emu.messages(chat);
    messages.retain(|m| m.document.is_none());
    messages
}
