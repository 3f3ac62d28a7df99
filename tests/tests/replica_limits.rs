//! Limits that hold across replicas: two `schalter serve` on one PostgreSQL behind Telegram
//! webhooks, each update posted to either of them, as a load balancer would.
//!
//! - A citizen sending 100 inputs in a second is limited as by one replica: at most
//!   `INPUTS_PER_MINUTE` of them (and what the minute's rate adds while they arrive) are
//!   acted on, whichever replica gets them; the rest get the short explanation.
//! - A chat's updates sent to the replicas in turn, without waiting for answers, are handled
//!   in order: answered as one replica answers the same steps.
//! - 60 chats × 3 messages at once: Telegram never gets more than 30 messages in any second,
//!   counted at the emulator, and every answer arrives.

use std::time::{Duration, Instant};

use schalter_core::dialogue::INPUTS_PER_MINUTE;
use schalter_tests::telegram_emulator::{Emulator, TOKEN, TgUser, webhook_secret};
use schalter_tests::{Serve, TestDb};

const HOOK: &str = "https://bot.example.org/hook";

struct Replicas {
    db: TestDb,
    emu: Emulator,
    serves: Vec<Serve>,
    secret: String,
    client: reqwest::Client,
}

impl Replicas {
    /// Two replicas in webhook mode on a fresh PostgreSQL database; waits until the leader
    /// has set the webhook.
    async fn start() -> Self {
        let db = TestDb::postgres().await;
        let emu = Emulator::start().await;
        // The machine's clock, the same for both: a shifted office clock starts when each
        // process starts, so the second would run behind the first, and the inbox orders a
        // conversation's inputs by the time they were stored.
        let env = [
            ("SCHALTER_DATABASE_URL", db.url.as_str()),
            ("SCHALTER_TELEGRAM_TOKEN", TOKEN),
            ("SCHALTER_TELEGRAM_API_URL", emu.url.as_str()),
            ("SCHALTER_TELEGRAM_WEBHOOK_URL", HOOK),
        ];
        let serves = vec![Serve::start(&env).await, Serve::start(&env).await];
        let deadline = Instant::now() + Duration::from_secs(30);
        while emu.webhook().is_none() {
            assert!(Instant::now() < deadline, "setWebhook was not called");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let secret = webhook_secret();
        Self {
            db,
            emu,
            serves,
            secret,
            client: reqwest::Client::new(),
        }
    }

    /// `user` types `text`; the update goes to replica `replica`'s webhook.
    async fn post(&self, replica: usize, user: &TgUser, text: &str) {
        let update = self.emu.update_json(self.emu.send_text(user, text));
        let status = self
            .client
            .post(format!("{}/hook", self.serves[replica].http))
            .header("X-Telegram-Bot-Api-Secret-Token", &self.secret)
            .json(&update)
            .send()
            .await
            .expect("webhook call")
            .status();
        assert_eq!(status, 200, "replica {replica} took the update");
    }

    /// Waits until every stored input has been handled.
    async fn handled(&self) {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let pending: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM inbox WHERE status = 'pending'")
                    .fetch_one(self.db.store.pool())
                    .await
                    .expect("read the inbox");
            if pending == 0 {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "{pending} inputs still pending after 60 s"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The sum over the replicas of a counter in `/metrics`, by its full sample name.
    async fn counter(&self, sample: &str) -> f64 {
        let mut sum = 0.0;
        for serve in &self.serves {
            let text = self
                .client
                .get(format!("{}/metrics", serve.http))
                .send()
                .await
                .expect("scrape")
                .text()
                .await
                .expect("metrics text");
            sum += text
                .lines()
                .find_map(|l| l.strip_prefix(sample)?.trim().parse::<f64>().ok())
                .unwrap_or(0.0);
        }
        sum
    }

    async fn stop(self) {
        for serve in self.serves {
            serve.kill().await;
        }
        self.db.drop_db().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flooding_citizen_is_limited_as_by_one_replica() {
    let office = Replicas::start().await;
    let flooder = TgUser::new(7001, "Flo", Some("de"));
    let started = Instant::now();
    for i in 0..100 {
        office.post(i % 2, &flooder, "hallo").await;
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    office.handled().await;
    let took = started.elapsed();
    let limited = office
        .counter("schalter_inputs_limited_total{channel=\"telegram\"}")
        .await;
    let inputs = office
        .counter("schalter_messages_total{channel=\"telegram\",lang=\"de\"}")
        .await;
    assert_eq!(inputs, 100.0, "every input was heard once");
    // One replica would act on the first INPUTS_PER_MINUTE and one more for each
    // 60 / INPUTS_PER_MINUTE seconds that passed while they came in.
    let refill = took.as_secs_f64() / (60.0 / INPUTS_PER_MINUTE as f64);
    let acted = 100.0 - limited;
    println!("100 inputs over two replicas in {took:?}: {acted} acted on, {limited} limited");
    assert!(
        acted >= INPUTS_PER_MINUTE as f64 && acted <= INPUTS_PER_MINUTE as f64 + refill.ceil(),
        "{acted} acted on in {took:?}; one replica allows {INPUTS_PER_MINUTE} and {refill:.1} more"
    );
    // The explanation reached the citizen.
    let deadline = Instant::now() + Duration::from_secs(30);
    while !office
        .emu
        .messages(flooder.id)
        .iter()
        .any(|m| m.text.contains("sehr viele Nachrichten geschickt"))
    {
        assert!(Instant::now() < deadline, "no explanation of the limit");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    office.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sixty_chats_never_get_more_than_thirty_messages_a_second() {
    let office = Replicas::start().await;
    let users: Vec<TgUser> = (0..60)
        .map(|i| TgUser::new(7100 + i, &format!("Bürger {i}"), Some("de")))
        .collect();
    for round in 0..3 {
        for (i, user) in users.iter().enumerate() {
            office.post((i + round) % 2, user, "hallo").await;
        }
    }
    office.handled().await;
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut times = loop {
        let times: Vec<Instant> = users
            .iter()
            .flat_map(|u| {
                office
                    .emu
                    .messages(u.id)
                    .into_iter()
                    .filter_map(|m| office.emu.sent_at(m.chat_id, m.message_id))
            })
            .collect();
        if times.len() >= 180 {
            break times;
        }
        assert!(
            Instant::now() < deadline,
            "{} of 180 answers after 60 s",
            times.len()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    times.sort();
    let busiest = (0..times.len())
        .map(|i| {
            times[i..]
                .iter()
                .take_while(|t| t.duration_since(times[i]) < Duration::from_secs(1))
                .count()
        })
        .max()
        .unwrap_or(0);
    let spread = times[times.len() - 1].duration_since(times[0]);
    println!(
        "{} messages over {spread:?}, at most {busiest} in any second",
        times.len()
    );
    assert!(busiest <= 30, "{busiest} messages within one second");
    office.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_chats_updates_on_alternating_replicas_are_handled_in_order() {
    let office = Replicas::start().await;
    // The menu, book, a service, on, a day: each answer depends on the step before, so the
    // answers are the same as one replica's only if the steps were taken in order.
    let script = ["/start", "1", "1", "4", "1"];
    let ida = TgUser::new(7201, "Ida", Some("de"));
    let jan = TgUser::new(7202, "Jan", Some("de"));
    for (i, text) in script.iter().enumerate() {
        office.post(i % 2, &ida, text).await;
        office.post(0, &jan, text).await;
    }
    office.handled().await;
    let texts = |user: &TgUser| {
        office
            .emu
            .messages(user.id)
            .into_iter()
            .filter(|m| m.document.is_none())
            .map(|m| m.text)
            .collect::<Vec<_>>()
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    while texts(&ida).len() < script.len() || texts(&jan).len() < script.len() {
        assert!(Instant::now() < deadline, "{:#?}", texts(&ida));
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(texts(&ida), texts(&jan));
    office.stop().await;
}
