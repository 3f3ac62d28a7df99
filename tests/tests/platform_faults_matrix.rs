//! How the real `schalter serve` gets its answers out when the homeserver fails: the bot talks
//! to Synapse through a fault proxy, the citizens talk to Synapse directly. For every kind of
//! failure the outbox knows (bots/src/matrix/errors.rs `classify`), a citizen's input is answered
//! exactly once after the fault clears, in the order of the inputs; an answer nobody planned for
//! ends in an apology after a few tries, a room the bot may not write to is given up without
//! holding up anybody else, and `/metrics` counts each failure by its kind.
//!
//! Faults are injected on the bot's sends into one citizen's direct room only (the path
//! names the room), so that the desk room's queue message, which the bot also keeps up to date,
//! never takes a fault meant for a citizen. The time to recovery of each case is printed.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use matrix_sdk::ruma::OwnedRoomId;
use schalter_tests::fault_proxy::{FaultProxy, HttpFault};
use schalter_tests::matrix_client::TestClient;
use schalter_tests::synapse::Synapse;
use schalter_tests::{Serve, TestDb, scratch_dir, workspace};

const PASSWORD: &str = "correct horse battery staple";
/// The start of `help-text` (locales/de/common.ftl), the answer to "hilfe".
const HELP: &str = "So funktioniert das virtuelle Bürgeramt";
/// A line of `privacy-notice` (locales/de/privacy.ftl), the answer to "/privacy".
const PRIVACY: &str = "Verantwortlich:";
/// The main menu's first option (locales/de/common.ftl `menu-book`), after choosing German.
const MENU: &str = "[1] Termin buchen";
/// How long a citizen waits at most for an answer that is only delayed.
const ANSWER_WITHIN: Duration = Duration::from_secs(60);
/// How long after an answer nothing more may come (no duplicate, nothing out of order). The
/// outbox retries after 1–2 s, so a second copy would show within this.
const SETTLE: Duration = Duration::from_secs(4);

/// Synapse, the fault proxy in front of it, and `schalter serve` behind the proxy.
struct Office {
    synapse: Synapse,
    proxy: FaultProxy,
    db: TestDb,
    bot: String,
    store: PathBuf,
    serve: Serve,
}

impl Office {
    async fn open() -> Self {
        let synapse = Synapse::start().await;
        let proxy = FaultProxy::start(&synapse.url).await;
        let db = TestDb::sqlite().await;
        let bot = synapse.register("schalter", PASSWORD).await;
        // The bot needs a clerks' desk room to start; nobody works there in these tests.
        synapse.register("anna", PASSWORD).await;
        let desk_owner = TestClient::login(&synapse.url, "anna", PASSWORD).await;
        let desk = desk_owner.create_room(&[&bot], false, false).await;
        let store = scratch_dir("schalter_matrix_store");
        let (store_path, desk_id) = (store.display().to_string(), desk.to_string());
        let env = [
            ("SCHALTER_DATABASE_URL", db.url.as_str()),
            // The bot, and only the bot, goes through the proxy.
            ("SCHALTER_MATRIX_HOMESERVER", proxy.url.as_str()),
            ("SCHALTER_MATRIX_USER", "schalter"),
            ("SCHALTER_MATRIX_PASSWORD", PASSWORD),
            ("SCHALTER_MATRIX_STORE", store_path.as_str()),
            ("SCHALTER_MATRIX_CLERK_ROOM", desk_id.as_str()),
            // Every failed delivery is logged: `delivery failed … failure=… attempts=…`.
            (
                "SCHALTER_LOG",
                "warn,outbox=info,matrix_sdk_crypto::backups=error",
            ),
        ];
        let serve = Serve::start(&env).await;
        desk_owner.wait_joined(&desk, &bot).await;
        Self {
            synapse,
            proxy,
            db,
            bot,
            store,
            serve,
        }
    }

    /// A citizen `name` in an encrypted direct chat with the bot (as Element opens it), who
    /// has chosen German and sees the main menu.
    async fn citizen(&self, name: &str) -> Citizen {
        self.synapse.register(name, PASSWORD).await;
        let client = TestClient::login(&self.synapse.url, name, PASSWORD).await;
        let dm = client.create_room(&[&self.bot], true, true).await;
        client.wait_joined(&dm, &self.bot).await;
        client.ask(&dm, "Hallo", "[1] Deutsch").await;
        client.ask(&dm, "1", MENU).await;
        // The bot's sends into this room, as the proxy sees their paths (room ids go into
        // the path as they are: `!` and the opaque part need no encoding).
        let sends = format!("{dm}/send/m.room");
        assert!(
            self.proxy.forwarded(&sends) >= 2,
            "{name}: the bot's two answers did not pass the proxy as {sends:?}"
        );
        Citizen {
            name: name.to_owned(),
            client,
            dm,
            bot: self.bot.clone(),
            sends,
        }
    }

    /// `schalter_delivery_failures_total` of the Matrix platform, summed per kind.
    async fn matrix_failures(&self) -> BTreeMap<String, u64> {
        let text = reqwest::get(format!("{}/metrics", self.serve.http))
            .await
            .expect("GET /metrics")
            .text()
            .await
            .expect("metrics text");
        let mut failures = BTreeMap::new();
        for line in text.lines() {
            let Some(rest) = line.strip_prefix("schalter_delivery_failures_total{") else {
                continue;
            };
            let (labels, value) = rest.split_once("} ").expect("labels and a value");
            let label = |name: &str| {
                labels.split(',').find_map(|l| {
                    l.strip_prefix(name)
                        .and_then(|v| v.strip_prefix("=\""))
                        .and_then(|v| v.strip_suffix('"'))
                })
            };
            if label("platform") != Some("matrix") {
                continue;
            }
            let kind = label("kind").unwrap_or_else(|| panic!("no kind in {line}"));
            let value: u64 = value
                .trim()
                .parse()
                .unwrap_or_else(|e| panic!("{line}: {e}"));
            *failures.entry(kind.to_owned()).or_default() += value;
        }
        failures
    }

    /// Checks `/metrics` against what was injected: each injected kind at least that often,
    /// and `never` kinds not at all.
    async fn assert_failures(&self, injected: &[(&str, u64)], never: &[&str]) {
        let failures = self.matrix_failures().await;
        eprintln!("matrix delivery failures in /metrics: {failures:?}");
        for (kind, n) in injected {
            let counted = failures.get(*kind).copied().unwrap_or_default();
            assert!(
                counted >= *n,
                "{kind}: {counted} counted, {n} injected; /metrics has {failures:?}"
            );
        }
        for kind in never {
            assert_eq!(
                failures.get(*kind),
                None,
                "no delivery should count as {kind}: {failures:?}"
            );
        }
    }

    async fn close(self) {
        self.serve.kill().await;
        self.synapse.stop().await;
        self.db.drop_db().await;
        let _ = std::fs::remove_dir_all(&self.store);
    }
}

/// A citizen and their direct room with the bot.
struct Citizen {
    name: String,
    client: TestClient,
    dm: OwnedRoomId,
    bot: String,
    /// What the proxy matches for the bot's sends into `dm`.
    sends: String,
}

impl Citizen {
    /// What the bot has said in the room so far, in the order the citizen saw it.
    fn replies(&self) -> Vec<String> {
        self.client.messages_from(&self.dm, &self.bot)
    }

    async fn say(&self, text: &str) {
        self.client.send(&self.dm, text).await;
    }

    /// How long after `since` the bot first said something containing each of `needles`,
    /// after its first `before` messages; `None` for what it did not say within `timeout`.
    async fn answered(
        &self,
        before: usize,
        needles: &[&str],
        since: Instant,
        timeout: Duration,
    ) -> Vec<Option<Duration>> {
        let deadline = Instant::now() + timeout;
        let mut seen = vec![None; needles.len()];
        loop {
            let replies = self.replies();
            for (needle, at) in needles.iter().zip(&mut seen) {
                if at.is_none() && replies.iter().skip(before).any(|r| r.contains(needle)) {
                    *at = Some(since.elapsed());
                }
            }
            if seen.iter().all(Option::is_some) || Instant::now() >= deadline {
                return seen;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Like [`Citizen::answered`], failing the test for anything not said within `timeout`.
    async fn answer_times(
        &self,
        before: usize,
        needles: &[&str],
        since: Instant,
        timeout: Duration,
        case: &str,
    ) -> Vec<Duration> {
        let seen = self.answered(before, needles, since, timeout).await;
        let missing: Vec<&str> = needles
            .iter()
            .zip(&seen)
            .filter(|(_, at)| at.is_none())
            .map(|(needle, _)| *needle)
            .collect();
        assert!(
            missing.is_empty(),
            "{case}: {} got no answer with {missing:?} within {timeout:?}; the bot said {:#?}",
            self.name,
            &self.replies()[before..]
        );
        seen.into_iter().flatten().collect()
    }

    /// How long after `since` the bot said something containing `needle` (within
    /// [`ANSWER_WITHIN`]), after its first `before` messages.
    async fn answer_time(
        &self,
        before: usize,
        needle: &str,
        since: Instant,
        case: &str,
    ) -> Duration {
        self.answer_times(before, &[needle], since, ANSWER_WITHIN, case)
            .await[0]
    }

    /// After [`SETTLE`], the bot's messages after its first `before` are exactly one
    /// containing each of `expected`, in that order.
    async fn assert_settled(&self, before: usize, expected: &[&str], case: &str) {
        tokio::time::sleep(SETTLE).await;
        let replies = self.replies();
        let new = &replies[before..];
        let matches =
            new.len() == expected.len() && new.iter().zip(expected).all(|(r, e)| r.contains(e));
        assert!(
            matches,
            "{case}: {} should have got exactly {expected:?}, in order, and nothing more; \
             the bot said {new:#?}",
            self.name
        );
    }
}

/// A Matrix error as a homeserver words it.
fn matrix_error(status: u16, errcode: &str, retry_after_ms: Option<u64>) -> HttpFault {
    HttpFault::Matrix {
        status,
        errcode: errcode.to_owned(),
        error: format!("injected {status} {errcode}"),
        retry_after_ms,
    }
}

/// The German text of `id` in locales/de/`file`, a message on one line.
fn german(file: &str, id: &str) -> String {
    let path = workspace().join("locales/de").join(file);
    let ftl = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    ftl.lines()
        .find_map(|line| {
            line.strip_prefix(id)?
                .trim_start()
                .strip_prefix('=')
                .map(|v| v.trim().to_owned())
        })
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| panic!("{} has no one-line `{id}`", path.display()))
}

/// Each transient failure once on the bot's next send into the room (an HTML 502 page, a
/// Matrix 500, a 429 with `retry_after_ms`, a connection reset, a homeserver restarting): the
/// input is answered once, as soon as the fault is over.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn transient_failures_delay_an_answer_but_never_lose_or_repeat_it() {
    let office = Office::open().await;
    let proxy = &office.proxy;
    let ida = office.citizen("ida").await;

    // Without a fault, for comparison.
    let before = ida.replies().len();
    let asked = Instant::now();
    ida.say("hilfe").await;
    let after = ida.answer_time(before, HELP, asked, "no fault").await;
    eprintln!(
        "matrix no fault: answered after {:.1}s",
        after.as_secs_f64()
    );
    ida.assert_settled(before, &[HELP], "no fault").await;

    let cases = [
        ("502 html", HttpFault::Html(502), Duration::ZERO),
        (
            "500 M_UNKNOWN",
            matrix_error(500, "M_UNKNOWN", None),
            Duration::ZERO,
        ),
        // The platform asked for 2 s: not sooner.
        (
            "429 M_LIMIT_EXCEEDED",
            matrix_error(429, "M_LIMIT_EXCEEDED", Some(2000)),
            Duration::from_secs(2),
        ),
        ("connection reset", HttpFault::Reset, Duration::ZERO),
    ];
    for (case, fault, not_before) in cases {
        let before = ida.replies().len();
        let (injected, forwarded) = (proxy.injected(), proxy.forwarded(&ida.sends));
        proxy.inject(&ida.sends, fault, 1);
        let asked = Instant::now();
        ida.say("hilfe").await;
        let after = ida.answer_time(before, HELP, asked, case).await;
        eprintln!("matrix {case}: answered after {:.1}s", after.as_secs_f64());
        assert!(
            after >= not_before,
            "{case}: answered after {after:?}, before the {not_before:?} the homeserver asked for"
        );
        ida.assert_settled(before, &[HELP], case).await;
        assert_eq!(
            proxy.injected(),
            injected + 1,
            "{case}: the bot's answer met the fault"
        );
        assert_eq!(
            proxy.forwarded(&ida.sends),
            forwarded + 1,
            "{case}: one send of the answer reached the homeserver"
        );
    }

    // The homeserver restarts: for 3 s nothing of the bot's gets through, its sync neither,
    // so the input is seen only once the homeserver is back: measured from then.
    let case = "homeserver restart (3 s down)";
    let before = ida.replies().len();
    let forwarded = proxy.forwarded(&ida.sends);
    proxy.set_down(true);
    ida.say("hilfe").await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(
        ida.replies().len(),
        before,
        "{case}: answered while the bot could not reach the homeserver?"
    );
    proxy.set_down(false);
    let up = Instant::now();
    let after = ida.answer_time(before, HELP, up, case).await;
    eprintln!(
        "matrix {case}: answered {:.1}s after it was back",
        after.as_secs_f64()
    );
    ida.assert_settled(before, &[HELP], case).await;
    assert_eq!(
        proxy.forwarded(&ida.sends),
        forwarded + 1,
        "{case}: one send of the answer reached the homeserver"
    );

    office
        .assert_failures(
            &[("server_error", 2), ("rate_limited", 1), ("network", 1)],
            &["unrecognized", "refused", "unreachable"],
        )
        .await;
    office.close().await;
}

/// A failed send holds back the answers behind it: two inputs, the first answer's send fails,
/// and both answers arrive once each, in the order of the inputs. First with both inputs sent
/// at once, then with the second sent while the first answer waits out a 429 (as a citizen
/// who got no answer yet writes again), so that the second answer is written during the wait.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_keep_the_order_of_the_inputs_when_a_send_fails() {
    let office = Office::open().await;
    let proxy = &office.proxy;
    let ola = office.citizen("ola").await;

    let cases = [
        (
            "502 html on the first of two answers",
            HttpFault::Html(502),
            false,
        ),
        (
            "429 M_LIMIT_EXCEEDED (5 s) on the first answer, the second input during the wait",
            matrix_error(429, "M_LIMIT_EXCEEDED", Some(5000)),
            true,
        ),
    ];
    for (case, fault, after_the_fault) in cases {
        let before = ola.replies().len();
        let (injected, forwarded) = (proxy.injected(), proxy.forwarded(&ola.sends));
        proxy.inject(&ola.sends, fault, 1);
        let asked = Instant::now();
        ola.say("hilfe").await;
        if after_the_fault {
            let met = Instant::now() + ANSWER_WITHIN;
            while proxy.injected() == injected {
                assert!(
                    Instant::now() < met,
                    "{case}: the bot never tried to answer"
                );
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }
        ola.say("/privacy").await;
        let times = ola
            .answer_times(before, &[HELP, PRIVACY], asked, ANSWER_WITHIN, case)
            .await;
        eprintln!(
            "matrix {case}: the first input answered after {:.1}s, the second after {:.1}s",
            times[0].as_secs_f64(),
            times[1].as_secs_f64()
        );
        ola.assert_settled(before, &[HELP, PRIVACY], case).await;
        assert_eq!(proxy.injected(), injected + 1, "{case}: the fault was met");
        assert_eq!(
            proxy.forwarded(&ola.sends),
            forwarded + 2,
            "{case}: one send of each answer reached the homeserver"
        );
    }
    office.close().await;
}

/// An answer nobody planned for (400 M_UNKNOWN) is tried six times, then given up with an
/// apology; a 403 gives up the conversation's pending message at once, without an apology
/// and without delaying another citizen; both conversations are answered again afterwards.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn given_up_answers_end_in_an_apology_or_silence_and_hold_up_nobody() {
    let office = Office::open().await;
    let proxy = &office.proxy;
    let apology = german("common.ftl", "error-temporary");
    let (jan, kim, lea) = tokio::join!(
        office.citizen("jan"),
        office.citizen("kim"),
        office.citizen("lea")
    );

    // Unrecognized: six tries with back-off (1 + 2 + 4 + 8 + 16 s, plus up to as much
    // jitter), then the apology instead of the answer, once.
    let case = "400 M_UNKNOWN";
    let before = jan.replies().len();
    let (injected, forwarded) = (proxy.injected(), proxy.forwarded(&jan.sends));
    proxy.inject(&jan.sends, matrix_error(400, "M_UNKNOWN", None), 6);
    let asked = Instant::now();
    jan.say("hilfe").await;
    let after = jan
        .answer_times(before, &[&apology], asked, Duration::from_secs(120), case)
        .await[0];
    eprintln!("matrix {case}: apology after {:.1}s", after.as_secs_f64());
    jan.assert_settled(before, &[&apology], case).await;
    assert!(
        (Duration::from_secs(30)..=Duration::from_secs(75)).contains(&after),
        "{case}: the apology came after {after:?}, not after about 31–62 s"
    );
    assert_eq!(proxy.injected(), injected + 6, "{case}: six tries");
    assert_eq!(
        proxy.forwarded(&jan.sends),
        forwarded + 1,
        "{case}: only the apology reached the homeserver"
    );
    let before = jan.replies().len();
    let asked = Instant::now();
    jan.say("hilfe").await;
    let after = jan.answer_time(before, HELP, asked, case).await;
    eprintln!(
        "matrix {case}: the next input answered after {:.1}s",
        after.as_secs_f64()
    );
    jan.assert_settled(before, &[HELP], case).await;

    // Lea without a fault, for comparison.
    let before = lea.replies().len();
    let asked = Instant::now();
    lea.say("hilfe").await;
    let alone = lea.answer_time(before, HELP, asked, "no fault").await;
    eprintln!(
        "matrix no fault: {} answered after {:.1}s",
        lea.name,
        alone.as_secs_f64()
    );
    lea.assert_settled(before, &[HELP], "no fault").await;

    // Forbidden: kim's answer is given up at the first 403, without a retry and without an
    // apology, while lea, asking at the same time, is answered as fast as alone.
    let case = "403 M_FORBIDDEN";
    let (kim_before, lea_before) = (kim.replies().len(), lea.replies().len());
    let (injected, forwarded) = (proxy.injected(), proxy.forwarded(&kim.sends));
    proxy.inject(&kim.sends, matrix_error(403, "M_FORBIDDEN", None), 1);
    let asked = Instant::now();
    tokio::join!(kim.say("hilfe"), lea.say("hilfe"));
    let meanwhile = lea.answer_time(lea_before, HELP, asked, case).await;
    eprintln!(
        "matrix {case}: {} in another room answered after {:.1}s meanwhile",
        lea.name,
        meanwhile.as_secs_f64()
    );
    lea.assert_settled(lea_before, &[HELP], case).await;
    assert!(
        meanwhile <= alone + Duration::from_secs(2),
        "{case}: {} was held up: {meanwhile:?} against {alone:?} without a fault",
        lea.name
    );
    // (The 403 came within the time lea was answered and settled, the retry of a transient
    // failure would have come 1–2 s after it.)
    kim.assert_settled(kim_before, &[], case).await;
    assert_eq!(
        proxy.injected(),
        injected + 1,
        "{case}: one try of kim's answer"
    );
    assert_eq!(
        proxy.forwarded(&kim.sends),
        forwarded,
        "{case}: kim's answer was not sent again"
    );
    // Only the pending answer was given up, not the conversation.
    let asked = Instant::now();
    kim.say("hilfe").await;
    let after = kim.answer_time(kim_before, HELP, asked, case).await;
    eprintln!(
        "matrix {case}: {}'s next input answered after {:.1}s",
        kim.name,
        after.as_secs_f64()
    );
    kim.assert_settled(kim_before, &[HELP], case).await;

    office
        .assert_failures(&[("unrecognized", 6), ("unreachable", 1)], &["refused"])
        .await;
    office.close().await;
}
