//! A Matrix citizen booking an appointment in an encrypted direct chat with the bot.

use std::time::{Duration, Instant};

use matrix_sdk::ruma::OwnedRoomId;
use schalter_tests::matrix_client::TestClient;
use tokio::sync::watch;

use crate::nets::{Active, pass_gate};
use crate::{ENCRYPTED, MX_GATE_AT, MX_MAX_INPUTS, PASSWORD, REPLY_LIMIT};

/// A Matrix citizen and their direct chat with the bot.
#[derive(Clone)]
pub(crate) struct MxCitizen {
    pub(crate) user: String,
    pub(crate) client: TestClient,
    pub(crate) dm: OwnedRoomId,
    pub(crate) bot: String,
}

impl MxCitizen {
    /// Logs `user` (registered as `name`) in and opens a direct chat with the bot.
    pub(crate) async fn open(homeserver: String, name: String, user: String, bot: String) -> Self {
        let client = TestClient::login(&homeserver, &name, PASSWORD).await;
        let dm = client.create_room(&[&bot], ENCRYPTED, true).await;
        client.wait_joined(&dm, &bot).await;
        let encrypted = client
            .client
            .get_room(&dm)
            .expect("the direct chat is known")
            .latest_encryption_state()
            .await
            .expect("the direct chat's encryption state")
            .is_encrypted();
        assert_eq!(encrypted, ENCRYPTED, "{user}'s direct chat is encrypted");
        Self {
            user,
            client,
            dm,
            bot,
        }
    }

    /// Everything the bot said in the direct chat so far, but the calendar file that comes
    /// with a booking (its text and the file), which answers no input.
    pub(crate) fn replies(&self) -> Vec<String> {
        let mut said = self.client.messages_from(&self.dm, &self.bot);
        said.retain(|s| !s.starts_with("[file] termin-") && !s.contains("Kalenderdatei"));
        said
    }

    pub(crate) fn conversation_id(&self) -> String {
        format!("matrix:{}", self.user)
    }
}

/// One step of a Matrix conversation: the input, when it was sent (since the citizens
/// started), how long its reply took, and the reply.
#[derive(Debug)]
pub(crate) struct MxStep {
    pub(crate) input: String,
    pub(crate) sent: Duration,
    pub(crate) took: Duration,
    pub(crate) reply: String,
}

/// The numbered options of a Matrix message (`[n] label` lines): (n, label).
pub(crate) fn options(text: &str) -> Vec<(usize, String)> {
    text.lines()
        .filter_map(|l| {
            let rest = l.trim().strip_prefix('[')?;
            let (n, label) = rest.split_once("] ")?;
            Some((n.parse().ok()?, label.to_owned()))
        })
        .collect()
}

/// Whether `label` starts with a time of day (`08:30 Uhr`).
pub(crate) fn is_time(label: &str) -> bool {
    let b = label.as_bytes();
    b.len() >= 5 && b[2] == b':' && [0, 1, 3, 4].iter().all(|&i| b[i].is_ascii_digit())
}

/// A booking reference: two groups of four of Crockford's base 32 (`[0-9A-HJKMNP-TV-Z]{4}`),
/// joined by a dash.
pub(crate) fn is_reference(s: &str) -> bool {
    let ok = |c: char| c.is_ascii_digit() || (c.is_ascii_uppercase() && !"ILOU".contains(c));
    s.len() == 9
        && s.chars()
            .enumerate()
            .all(|(i, c)| if i == 4 { c == '-' } else { ok(c) })
}

/// The booking reference in a confirmation (`Buchungsnummer: XXXX-XXXX`).
pub(crate) fn reference_in(reply: &str) -> Option<String> {
    reply
        .lines()
        .find_map(|l| l.split_once("Buchungsnummer:"))
        .map(|(_, rest)| rest.trim().to_owned())
}

/// What the citizen answers to the bot's `reply`, following the booking dialogue; citizen
/// `k` picks the `k`-th time of the day, any other one after a taken slot.
pub(crate) fn next_input(reply: &str, k: usize) -> Option<String> {
    let opts = options(reply);
    let pick = |label: &str| {
        opts.iter()
            .find(|(_, l)| l.contains(label))
            .map(|(n, _)| n.to_string())
    };
    if reply.contains("Please choose your language") {
        return pick("Deutsch");
    }
    if reply.contains("Ich halte diesen Termin") {
        return pick("Termin bestätigen");
    }
    if reply.contains("Welche Uhrzeit") {
        let times: Vec<usize> = opts
            .iter()
            .filter(|(_, l)| is_time(l))
            .map(|(n, _)| *n)
            .collect();
        if times.is_empty() {
            return None;
        }
        let i = if reply.contains("vergeben") {
            rand::random_range(0..times.len())
        } else {
            k % times.len()
        };
        return Some(times[i].to_string());
    }
    if reply.contains("An welchem Tag") {
        return opts.first().map(|(n, _)| n.to_string());
    }
    if reply.contains("Für welchen Dienst") {
        return Some("anmelden".into());
    }
    if let Some(n) = pick("Weiter zur Terminwahl") {
        return Some(n);
    }
    pick("Termin buchen")
}

/// One Matrix citizen books an appointment: "Hallo", then whatever the dialogue asks, each
/// input waiting for the bot's one reply. If `gate` is given, input `MX_GATE_AT` waits until
/// it opens. Fails at once when an input is not answered, answered twice, or answered with
/// something the dialogue does not explain. Returns the steps and the booking reference.
pub(crate) async fn matrix_conversation(
    c: MxCitizen,
    k: usize,
    start_after: Duration,
    mut gate: Option<watch::Receiver<bool>>,
    active: Active,
    begin: Instant,
) -> Result<(Vec<MxStep>, String), String> {
    tokio::time::sleep(start_after).await;
    let mut steps: Vec<MxStep> = Vec::new();
    let mut input = "Hallo".to_owned();
    let fail = |steps: &[MxStep], why: String| -> Result<(Vec<MxStep>, String), String> {
        active.down();
        Err(format!(
            "{}: {why}; the bot sent {:#?}; inputs {:?}",
            c.user,
            c.replies(),
            steps.iter().map(|s| s.input.as_str()).collect::<Vec<_>>()
        ))
    };
    for i in 0..MX_MAX_INPUTS {
        if i > 0 {
            let think = rand::random_range(200..800);
            tokio::time::sleep(Duration::from_millis(think)).await;
        }
        if i == MX_GATE_AT
            && let Some(gate) = gate.as_mut()
            && !pass_gate(gate, &active).await
        {
            return fail(&steps, "the gate was dropped".into());
        }
        let before = c.replies().len();
        if before != i {
            return fail(
                &steps,
                format!("{before} replies to {i} inputs before input {input:?}"),
            );
        }
        let sent = Instant::now();
        c.client.send(&c.dm, &input).await;
        let reply = loop {
            if let Some(reply) = c.replies().get(i) {
                break reply.clone();
            }
            if sent.elapsed() > REPLY_LIMIT {
                return fail(
                    &steps,
                    format!(
                        "no reply to {input:?} (input {}, sent at {:.1} s) within \
                         {REPLY_LIMIT:?}",
                        i + 1,
                        sent.duration_since(begin).as_secs_f64()
                    ),
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        };
        steps.push(MxStep {
            input: input.clone(),
            sent: sent.duration_since(begin),
            took: sent.elapsed(),
            reply: reply.clone(),
        });
        if let Some(reference) = reference_in(&reply) {
            active.down();
            return Ok((steps, reference));
        }
        // A leader killed while matrix-sdk stored this citizen's new encryption session can
        // lose its key: the bot says so and asks for the message again, as a person would.
        if reply.contains("konnte ich nicht entschlüsseln") {
            eprintln!(
                "{}: {input:?} could not be decrypted, sent again (bot's reply at {:.1} s)",
                c.user,
                begin.elapsed().as_secs_f64()
            );
            continue;
        }
        match next_input(&reply, k) {
            Some(next) => input = next,
            None => return fail(&steps, format!("unexpected reply {reply:?}")),
        }
    }
    fail(&steps, format!("no booking after {MX_MAX_INPUTS} inputs"))
}
