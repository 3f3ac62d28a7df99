//! The echo bots, the floors Schalter is measured against: bare, within Telegram's limits,
//! and durable.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use schalter_tests::telegram_emulator::TOKEN;
use serde_json::{Value, json};

/// Telegram's limits for the echo bot: 30 messages in any second, one a second per chat.
#[derive(Default)]
pub(crate) struct Limits {
    sent: Mutex<(VecDeque<Instant>, HashMap<i64, Instant>)>,
}

impl Limits {
    async fn wait(&self, chat: i64) {
        loop {
            let until = {
                let mut sent = self.sent.lock().expect("limits");
                let (overall, chats) = &mut *sent;
                let now = Instant::now();
                while overall
                    .front()
                    .is_some_and(|t| now.duration_since(*t) >= Duration::from_secs(1))
                {
                    overall.pop_front();
                }
                let mut until = chats.get(&chat).map(|t| *t + Duration::from_secs(1));
                if overall.len() >= 30 {
                    until = until.max(Some(overall[overall.len() - 30] + Duration::from_secs(1)));
                }
                match until {
                    Some(until) if until > now => until,
                    _ => {
                        overall.push_back(now);
                        chats.insert(chat, now);
                        return;
                    }
                }
            };
            tokio::time::sleep_until(until.into()).await;
        }
    }
}

/// One long poll of getUpdates from `offset`; none after an error (a failed connection
/// waits 100 ms before the next poll).
async fn updates(client: &reqwest::Client, base: &str, offset: i64) -> Vec<Value> {
    let answer = client
        .post(format!("{base}/getUpdates"))
        .json(&json!({"offset": offset, "timeout": 10}))
        .send()
        .await;
    let Ok(answer) = answer else {
        tokio::time::sleep(Duration::from_millis(100)).await;
        return Vec::new();
    };
    let Ok(mut body) = answer.json::<Value>().await else {
        return Vec::new();
    };
    match body["result"].take() {
        Value::Array(updates) => updates,
        _ => Vec::new(),
    }
}

/// The floor: getUpdates with an offset, one sendMessage per text update (after waiting for
/// the limits, if kept), the send not waited for before the next poll.
pub(crate) async fn echo_bot(url: String, limits: Option<Arc<Limits>>) {
    let client = reqwest::Client::new();
    let base = format!("{url}/bot{TOKEN}");
    let mut offset = 0;
    loop {
        for update in &updates(&client, &base, offset).await {
            offset = update["update_id"].as_i64().unwrap_or(offset) + 1;
            let message = &update["message"];
            if let (Some(chat), Some(text)) =
                (message["chat"]["id"].as_i64(), message["text"].as_str())
            {
                let send = client
                    .post(format!("{base}/sendMessage"))
                    .json(&json!({"chat_id": chat, "text": text}));
                let limits = limits.clone();
                tokio::spawn(async move {
                    if let Some(limits) = limits {
                        limits.wait(chat).await;
                    }
                    let _ = send.send().await;
                });
            }
        }
    }
}

/// The durable floor: as [`echo_bot`] within the limits, but the update is stored before
/// the offset moves on, the reply is stored before it is sent, and both are marked done after
/// the send, each statement on its own (as a crash may come between any two).
pub(crate) async fn durable_echo_bot(url: String, store: schalter_core::Store) {
    let client = reqwest::Client::new();
    let base = format!("{url}/bot{TOKEN}");
    let limits: Arc<Limits> = Arc::default();
    let mut offset = 0;
    loop {
        for update in &updates(&client, &base, offset).await {
            let id = update["update_id"].as_i64().unwrap_or(offset);
            offset = id + 1;
            let message = &update["message"];
            let (Some(chat), Some(text)) =
                (message["chat"]["id"].as_i64(), message["text"].as_str())
            else {
                continue;
            };
            let text = text.to_owned();
            if sqlx::query("INSERT INTO bench_inbox (update_id, chat, text) VALUES ($1, $2, $3)")
                .bind(id)
                .bind(chat)
                .bind(&text)
                .execute(store.pool())
                .await
                .is_err()
            {
                return;
            }
            let (client, base, store, limits) =
                (client.clone(), base.clone(), store.clone(), limits.clone());
            tokio::spawn(async move {
                // Errors only come once the run is over and the database is gone.
                let Ok(reply) = sqlx::query_scalar::<_, i64>(
                    "INSERT INTO bench_outbox (chat, text) VALUES ($1, $2) RETURNING id",
                )
                .bind(chat)
                .bind(&text)
                .fetch_one(store.pool())
                .await
                else {
                    return;
                };
                limits.wait(chat).await;
                let _ = client
                    .post(format!("{base}/sendMessage"))
                    .json(&json!({"chat_id": chat, "text": text}))
                    .send()
                    .await;
                for (sql, key) in [
                    ("UPDATE bench_outbox SET sent = 1 WHERE id = $1", reply),
                    ("UPDATE bench_inbox SET done = 1 WHERE update_id = $1", id),
                ] {
                    if sqlx::query(sql)
                        .bind(key)
                        .execute(store.pool())
                        .await
                        .is_err()
                    {
                        return;
                    }
                }
            });
        }
    }
}
