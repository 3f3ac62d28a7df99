//! The outbox's decisions (retry or give up, by the kind of failure) and its ordering with a
//! reply claimed while an earlier one backs off, on a real store.

use super::*;
use crate::channel::{FailureKind, Sent};
use schalter_core::queue::Message;
use schalter_core::store::Claimed;
use schalter_core::{Capabilities, Catalog, ChannelKind, Clock, I18n, Store, SystemClock};
use std::sync::atomic::{AtomicBool, Ordering};

const CONV: &str = "telegram:4242";

fn conv() -> schalter_core::ConversationId {
    schalter_core::ConversationId::parse(CONV).expect("a telegram conversation")
}

/// Records what it sends; holds its first send until told to go on.
#[derive(Default)]
struct Gate {
    sent: Mutex<Vec<String>>,
    first: AtomicBool,
    entered: Notify,
    go_on: Notify,
}

impl Channel for Gate {
    fn serves(&self) -> Vec<ChannelKind> {
        vec![ChannelKind::Telegram]
    }

    fn capabilities(&self) -> schalter_core::Capabilities {
        Capabilities {
            buttons: true,
            url_buttons: true,
            edit_in_place: false,
            max_text: 4096,
            max_option_id: 64,
        }
    }

    async fn send(&self, delivery: &Delivery) -> Result<Sent, SendError> {
        if !self.first.swap(true, Ordering::SeqCst) {
            let go_on = self.go_on.notified();
            self.entered.notify_one();
            go_on.await;
        }
        lock(&self.sent).push(delivery.message.text.clone());
        Ok(Sent::default())
    }
}

fn body(text: &str) -> String {
    serde_json::to_string(&Message {
        text: text.to_owned(),
        ..Default::default()
    })
    .unwrap()
}

/// A reply written already claimed while a task is still delivering the conversation's
/// earlier message: the claim is released for that task, which sends the reply after the
/// earlier message, once each, without waiting for the claim to run out.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_claimed_reply_behind_a_delivery_in_flight_goes_after_it() {
    let path = std::env::temp_dir().join(format!(
        "schalter-outbox-{}.db",
        schalter_core::reference::secret_token()
    ));
    let store = Store::connect(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    store.migrate().await.unwrap();
    let clock = Arc::new(SystemClock);
    let engine = Arc::new(Engine::new(
        Catalog::builtin().unwrap(),
        Arc::new(I18n::builtin()),
        store.clone(),
        clock.clone(),
        chrono_tz::Europe::Berlin,
    ));
    let gate = Arc::new(Gate::default());
    let outbox = Outbox::new(gate.clone(), engine.clone(), Wake::default());

    // The first message goes out and is held at the network.
    let now = engine.office().clock().now();
    store
        .outbox()
        .notify_once(&conv(), "first", NoticeKind::Reply, &body("first"), now)
        .await
        .unwrap();
    let entered = gate.entered.notified();
    outbox.deliver_now(&conv());
    entered.await;

    // Meanwhile a reply is written claimed for this process, as the handler does when
    // nothing waits (the first message is on its way, so this is the rare case).
    let until = now + CLAIM;
    let mut reply = Notification {
        id: String::new(),
        conversation_id: conv(),
        slot: Some("reply:second".to_owned()),
        kind: NoticeKind::Reply.as_str().to_owned(),
        body: body("second"),
        version: 1,
        attempts: 0,
    };
    // (Due, and ordered, at the claim's end, as a row claimed until then is.)
    store
        .outbox()
        .notify_once_after(
            &conv(),
            "reply:second",
            NoticeKind::Reply,
            &reply.body,
            now,
            CLAIM,
        )
        .await
        .unwrap();
    reply.id = store
        .outbox()
        .pending_for(&conv(), 10)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.slot == reply.slot)
        .unwrap()
        .id;
    outbox.deliver_claimed(Claimed {
        row: reply,
        until: until.timestamp_micros(),
    });

    // The earlier message goes on; the reply follows it, well within its claim.
    tokio::time::sleep(Duration::from_millis(100)).await;
    gate.go_on.notify_one();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while lock(&gate.sent).len() < 2 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(*lock(&gate.sent), ["first", "second"]);
    assert!(
        store
            .outbox()
            .pending_for(&conv(), 10)
            .await
            .unwrap()
            .is_empty()
    );
    store.close().await;
    let _ = std::fs::remove_file(&path);
}

/// Fails every send of a message whose text is `failing` with `error`; sends the rest.
struct Failing {
    failing: &'static str,
    error: SendError,
    sent: Mutex<Vec<String>>,
    tries: Mutex<u32>,
}

impl Channel for Failing {
    fn serves(&self) -> Vec<ChannelKind> {
        vec![ChannelKind::Telegram]
    }

    fn capabilities(&self) -> schalter_core::Capabilities {
        Capabilities {
            buttons: true,
            url_buttons: true,
            edit_in_place: false,
            max_text: 4096,
            max_option_id: 64,
        }
    }

    async fn send(&self, delivery: &Delivery) -> Result<Sent, SendError> {
        if delivery.message.text == self.failing {
            *lock(&self.tries) += 1;
            return Err(self.error.clone());
        }
        lock(&self.sent).push(delivery.message.text.clone());
        Ok(Sent::default())
    }
}

/// Writes "first" and, a second later, "second" for [`CONV`], then delivers what is due
/// every ten minutes of a fixed clock, `rounds` times; returns what went out and how often
/// "first" was tried.
async fn deliver_with(error: SendError, rounds: u32) -> (Vec<String>, u32, usize) {
    let path = std::env::temp_dir().join(format!(
        "schalter-outbox-{}.db",
        schalter_core::reference::secret_token()
    ));
    let store = Store::connect(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    store.migrate().await.unwrap();
    // The outbox's order stamps are process-wide and never go back: a clock in the
    // future would put rows of the other tests of this process behind its own.
    let clock = Arc::new(schalter_core::FixedClock::new(SystemClock.now()));
    let engine = Engine::new(
        Catalog::builtin().unwrap(),
        Arc::new(I18n::builtin()),
        store.clone(),
        clock.clone(),
        chrono_tz::Europe::Berlin,
    );
    store
        .outbox()
        .notify_once(
            &conv(),
            "first",
            NoticeKind::Reply,
            &body("first"),
            clock.now(),
        )
        .await
        .unwrap();
    clock.advance(chrono::Duration::seconds(1));
    store
        .outbox()
        .notify_once(
            &conv(),
            "second",
            NoticeKind::Reply,
            &body("second"),
            clock.now(),
        )
        .await
        .unwrap();
    let channel = Failing {
        failing: "first",
        error,
        sent: Mutex::default(),
        tries: Mutex::default(),
    };
    for _ in 0..rounds {
        let rows = store
            .outbox()
            .due_deliveries_for(&conv(), clock.now(), BATCH)
            .await
            .unwrap();
        deliver_conversation(&channel, &engine, rows, false).await;
        clock.advance(chrono::Duration::minutes(10));
    }
    let pending = store.outbox().pending_for(&conv(), 10).await.unwrap().len();
    store.close().await;
    let _ = std::fs::remove_file(&path);
    let sent = lock(&channel.sent).clone();
    let tries = *lock(&channel.tries);
    (sent, tries, pending)
}

fn apology() -> String {
    I18n::builtin().text(schalter_core::Lang::REFERENCE, "error-temporary")
}

#[tokio::test]
async fn an_unknown_answer_is_tried_a_few_times_then_given_up_with_an_apology() {
    let error = SendError::new(FailureKind::Unrecognized, "Bad Request: something new");
    let (sent, tries, pending) = deliver_with(error, 12).await;
    assert_eq!(tries, u32::try_from(UNRECOGNIZED_ATTEMPTS).unwrap());
    assert_eq!(sent, ["second".to_owned(), apology()]);
    assert_eq!(pending, 0);
}

#[tokio::test]
async fn transient_failures_are_retried_until_the_platform_is_back() {
    for kind in [
        FailureKind::ServerError,
        FailureKind::Network,
        FailureKind::RateLimited,
        FailureKind::Credentials,
    ] {
        let (sent, tries, pending) = deliver_with(SendError::new(kind, "down"), 12).await;
        assert_eq!(tries, 12, "{kind}");
        // The one behind it waits, to keep the order; nothing is given up.
        assert!(sent.is_empty(), "{kind}: {sent:?}");
        assert_eq!(pending, 2, "{kind}");
    }
}

#[tokio::test]
async fn a_refused_message_alone_is_given_up_and_apologised_for() {
    let (sent, tries, _) = deliver_with(SendError::refused("message is too long"), 3).await;
    assert_eq!(tries, 1);
    assert_eq!(sent, ["second".to_owned(), apology()]);
}

#[tokio::test]
async fn an_unreachable_conversation_is_given_up_without_more_tries() {
    let (sent, tries, pending) = deliver_with(SendError::unreachable("bot was blocked"), 3).await;
    assert_eq!((tries, sent.len(), pending), (1, 0, 0));
}

#[test]
fn a_wait_the_platform_asks_for_is_kept() {
    let now = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    let e = SendError::new(FailureKind::RateLimited, "flood control")
        .after(Some(Duration::from_secs(90)));
    let Failure::RetryAt(at) = judge(&e, 1, now) else {
        panic!("retried");
    };
    assert!(at >= now + chrono::Duration::seconds(90));
    // Without one, the back-off: 1–2 s after the first failure.
    let Failure::RetryAt(at) = judge(&SendError::new(FailureKind::ServerError, "502"), 1, now)
    else {
        panic!("retried");
    };
    assert!(at <= now + chrono::Duration::seconds(2));
}
