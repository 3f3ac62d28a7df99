//! What `/metrics` shows, kept by `prometheus-client` and written in Prometheus' text format
//! (version 0.0.4): messages by channel and language, errors, deliveries, rows purged by the
//! retention rules, the citizens' waits, who leads which network and how fresh its polling is.
//!
//! Every counter and histogram here only grows for the life of the process: a scrape reads
//! them and never rebuilds them. (The waiting-time histogram was once rebuilt from the last
//! 24 hours at each scrape; its buckets fell, and Prometheus took each fall for a restart.)
//! What the database holds at the moment of a scrape (who waits, payments, the outbox) comes in
//! as [`Gauges`] and is written from a registry made for that one scrape, so that a label set
//! gone from the database (a payment state nobody is in any more) is gone from the scrape too.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::AtomicU64;
use std::time::{Duration, Instant};

use prometheus_client::encoding::{EncodeLabelSet, prometheus_text};
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

use crate::channel::ChannelKind;
use crate::store::PurgeReport;

/// The `Content-Type` of [`Metrics::encode`]'s text.
pub const CONTENT_TYPE: &str = prometheus_text::CONTENT_TYPE;

/// Upper bounds, in minutes, of the waiting-time histogram's buckets.
pub const WAIT_BUCKETS: [f64; 7] = [1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0];

/// The `service` label of a walk-in's wait: walk-ins name no service, and Prometheus reads an
/// empty label as no label.
pub const WALK_IN: &str = "";

/// What `/metrics` reads at each scrape: from the database, and the office's hours.
#[derive(Debug, Clone)]
pub struct Gauges {
    /// Citizens in the waiting room.
    pub queue_waiting: usize,
    /// Citizens with a clerk.
    pub queue_in_call: usize,
    /// Clerks available (including those in a call).
    pub clerks_on_duty: usize,
    /// `(state, count, cents)` of the payment requests.
    pub payments: Vec<(String, i64, i64)>,
    /// Messages waiting for delivery.
    pub outbox_pending: i64,
    /// Whether this scrape's reads of the database succeeded. When they failed, the figures
    /// above are unknown and left out of the scrape (a 0 would read as an empty waiting room),
    /// and `schalter_database_up` says 0 while the process's own counters are still shown.
    pub database_up: bool,
    /// Whether the office is open now by its catalogue (hours, closures, public holidays).
    pub office_open: bool,
}

impl Default for Gauges {
    /// A database that answered with nothing in it, and the office closed.
    fn default() -> Self {
        Self {
            queue_waiting: 0,
            queue_in_call: 0,
            clerks_on_duty: 0,
            payments: Vec::new(),
            outbox_pending: 0,
            database_up: true,
            office_open: false,
        }
    }
}

impl Gauges {
    /// A scrape whose database reads failed: only what the process knows itself.
    pub fn database_down(office_open: bool) -> Self {
        Self {
            database_up: false,
            office_open,
            ..Self::default()
        }
    }
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct MessageLabels {
    channel: String,
    lang: String,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct FailureLabels {
    platform: String,
    kind: String,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct KindLabel {
    kind: String,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ChannelLabel {
    channel: String,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ServiceLabel {
    service: String,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct NetworkLabel {
    network: String,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabel {
    outcome: String,
}

/// What became of a document a citizen sent: kept as one of these kinds, or refused.
pub const DOCUMENT_OUTCOMES: [&str; 5] = ["pdf", "jpeg", "png", "heic", "refused"];

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StateLabel {
    state: String,
}

fn waiting_histogram() -> Histogram {
    Histogram::new(WAIT_BUCKETS)
}

fn gauge(value: usize) -> Gauge {
    let gauge = Gauge::default();
    gauge.set(i64::try_from(value).unwrap_or(i64::MAX));
    gauge
}

/// The process's metrics (one per office, shared by its parts).
#[derive(Debug)]
pub struct Metrics {
    /// Everything that lives as long as the process; registered once, in [`Default`].
    registry: Registry,
    messages: Family<MessageLabels, Counter>,
    limited: Family<ChannelLabel, Counter>,
    errors: Counter,
    delivered: Counter,
    retried: Counter,
    dead: Counter,
    send_failures: Family<FailureLabels, Counter>,
    purged: Family<KindLabel, Counter>,
    waits: Family<ServiceLabel, Histogram, fn() -> Histogram>,
    leader: Family<NetworkLabel, Gauge>,
    documents: Family<OutcomeLabel, Counter>,
    document_bytes: Family<OutcomeLabel, Counter>,
    /// When a poll or sync of each network last succeeded.
    polls: Mutex<BTreeMap<String, Instant>>,
    /// The networks this process polls or syncs while it leads them, and since when.
    polling: Mutex<BTreeMap<String, Instant>>,
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::default();
        let waits = Family::new_with_constructor(waiting_histogram as fn() -> Histogram);
        registry.register(
            "schalter_waiting_minutes",
            "Minutes a citizen waited before a clerk called them, by service (empty for walk-ins)",
            waits.clone(),
        );
        let messages = Family::default();
        registry.register(
            "schalter_messages",
            "Citizens' messages by channel and language",
            messages.clone(),
        );
        let limited = Family::default();
        registry.register(
            "schalter_inputs_limited",
            "Citizens' inputs not acted on because their conversation sent too many at once, by channel",
            limited.clone(),
        );
        let errors = Counter::default();
        registry.register("schalter_errors", "Inputs that failed", errors.clone());
        let delivered = Counter::default();
        registry.register(
            "schalter_outbox_delivered",
            "Messages delivered by this process",
            delivered.clone(),
        );
        let retried = Counter::default();
        registry.register(
            "schalter_outbox_retried",
            "Deliveries that failed and were planned again",
            retried.clone(),
        );
        let dead = Counter::default();
        registry.register(
            "schalter_outbox_dead",
            "Messages given up (conversation unreachable or message refused)",
            dead.clone(),
        );
        let send_failures = Family::default();
        registry.register(
            "schalter_delivery_failures",
            "Failed deliveries by platform and kind of failure (see the README's \"What each failure means\")",
            send_failures.clone(),
        );
        let purged = Family::default();
        registry.register(
            "schalter_purged_rows",
            "Rows the retention rules deleted or anonymised, by kind",
            purged.clone(),
        );
        let leader = Family::default();
        registry.register(
            "schalter_leader",
            "1 while this process leads the network (polls it and delivers its outbox), else 0",
            leader.clone(),
        );
        let documents = Family::default();
        registry.register(
            "schalter_documents",
            "Documents citizens sent for their checklist, by outcome (pdf, jpeg, png, heic kept; refused)",
            documents.clone(),
        );
        let document_bytes = Family::default();
        registry.register(
            "schalter_document_bytes",
            "Bytes of the documents citizens sent, by outcome (as kept; as received when refused)",
            document_bytes.clone(),
        );
        for outcome in DOCUMENT_OUTCOMES {
            let label = OutcomeLabel {
                outcome: outcome.to_owned(),
            };
            drop(documents.get_or_create(&label));
            drop(document_bytes.get_or_create(&label));
        }
        // Shown from the start, at 0, so that the first purge and walk-in are an increase.
        for kind in PurgeReport::KINDS {
            drop(purged.get_or_create(&KindLabel {
                kind: kind.to_owned(),
            }));
        }
        drop(waits.get_or_create(&ServiceLabel {
            service: WALK_IN.to_owned(),
        }));
        Self {
            registry,
            messages,
            limited,
            errors,
            delivered,
            retried,
            dead,
            send_failures,
            purged,
            waits,
            leader,
            documents,
            document_bytes,
            polls: Mutex::default(),
            polling: Mutex::default(),
        }
    }
}

impl Metrics {
    /// One input from a citizen on `channel` in `lang`.
    pub fn message(&self, channel: ChannelKind, lang: &str) {
        self.messages
            .get_or_create(&MessageLabels {
                channel: channel.as_str().to_owned(),
                lang: lang.to_owned(),
            })
            .inc();
    }

    /// One input on `channel` refused by the per-conversation input limit.
    pub fn input_limited(&self, channel: ChannelKind) {
        self.limited
            .get_or_create(&ChannelLabel {
                channel: channel.as_str().to_owned(),
            })
            .inc();
    }

    pub fn error(&self) {
        self.errors.inc();
    }

    pub fn errors(&self) -> u64 {
        self.errors.get()
    }

    /// An outgoing message reached its conversation.
    pub fn delivered(&self) {
        self.delivered.inc();
    }

    /// A delivery failed and will be tried again.
    pub fn retried(&self) {
        self.retried.inc();
    }

    /// `n` messages were given up (the conversation unreachable or the message refused).
    pub fn dead(&self, n: u64) {
        self.dead.inc_by(n);
    }

    /// A delivery failed on `platform` (`telegram`, `matrix`, `stripe` …) with a failure of
    /// `kind` (the outbox's labels: `server_error`, `rate_limited`, `unrecognized` …).
    pub fn send_failed(&self, platform: &str, kind: &'static str) {
        self.send_failures
            .get_or_create(&FailureLabels {
                platform: platform.to_owned(),
                kind: kind.to_owned(),
            })
            .inc();
    }

    /// A document of `bytes` arrived with `outcome` (one of [`DOCUMENT_OUTCOMES`]).
    pub fn document(&self, outcome: &str, bytes: u64) {
        let label = OutcomeLabel {
            outcome: outcome.to_owned(),
        };
        self.documents.get_or_create(&label).inc();
        self.document_bytes.get_or_create(&label).inc_by(bytes);
    }

    /// `(outcome, documents, bytes)` since start, for every outcome.
    pub fn documents(&self) -> Vec<(&'static str, u64, u64)> {
        DOCUMENT_OUTCOMES
            .iter()
            .map(|outcome| {
                let label = OutcomeLabel {
                    outcome: (*outcome).to_owned(),
                };
                (
                    *outcome,
                    self.documents.get(&label).map_or(0, |c| c.get()),
                    self.document_bytes.get(&label).map_or(0, |c| c.get()),
                )
            })
            .collect()
    }

    /// `(delivered, retried, dead)` since start.
    pub fn deliveries(&self) -> (u64, u64, u64) {
        (self.delivered.get(), self.retried.get(), self.dead.get())
    }

    /// `n` rows of `kind` (see `retention::PurgeReport::KINDS`) went by the retention rules.
    pub fn purged(&self, kind: &'static str, n: u64) {
        self.purged
            .get_or_create(&KindLabel {
                kind: kind.to_owned(),
            })
            .inc_by(n);
    }

    /// Rows purged since start, for every kind (0 before the first purge).
    pub fn purged_rows(&self) -> Vec<(&'static str, u64)> {
        PurgeReport::KINDS
            .iter()
            .map(|kind| {
                let label = KindLabel {
                    kind: (*kind).to_owned(),
                };
                (*kind, self.purged.get(&label).map_or(0, |c| c.get()))
            })
            .collect()
    }

    /// A clerk called a citizen of `service` ([`WALK_IN`] for a walk-in) who had waited
    /// `wait` since joining the waiting room.
    pub fn waited(&self, service: &str, wait: chrono::Duration) {
        // Milliseconds fit an f64 exactly for far longer than anybody waits.
        let minutes = wait.num_milliseconds().max(0) as f64 / 60_000.0;
        self.waits
            .get_or_create(&ServiceLabel {
                service: service.to_owned(),
            })
            .observe(minutes);
    }

    /// Starts the waiting-time histograms of `services` (the catalogue's) at zero, so that a
    /// service's series is there before its first call.
    pub fn expect_services<'a>(&self, services: impl IntoIterator<Item = &'a str>) {
        for service in services {
            drop(self.waits.get_or_create(&ServiceLabel {
                service: service.to_owned(),
            }));
        }
    }

    /// Whether this process leads `network` now (see `channel::leader` in the binary).
    pub fn leading(&self, network: &str, leads: bool) {
        if !leads {
            lock(&self.polling).remove(network);
        }
        self.leader
            .get_or_create(&NetworkLabel {
                network: network.to_owned(),
            })
            .set(i64::from(leads));
    }

    /// A poll or sync of `network` succeeded just now.
    pub fn polled(&self, network: &str) {
        // Monotonic time, not the office's clock: only the age matters, never the date.
        let now = Instant::now();
        let mut polls = lock(&self.polls);
        match polls.get_mut(network) {
            Some(at) => *at = now,
            None => {
                polls.insert(network.to_owned(), now);
            }
        }
    }

    /// This process starts polling (or syncing) `network`, as its leader: from now on a poll
    /// is expected every so often (see [`Self::stale_polls`]) until it stops leading.
    pub fn poll_started(&self, network: &str) {
        lock(&self.polling).insert(network.to_owned(), Instant::now());
    }

    /// The networks this process polls as their leader whose last successful poll (or, if
    /// none since, the start of polling) is more than `max` ago, with that age.
    pub fn stale_polls(&self, max: Duration) -> Vec<(String, Duration)> {
        let polls = lock(&self.polls);
        lock(&self.polling)
            .iter()
            .filter_map(|(network, since)| {
                let last = polls.get(network).map_or(*since, |at| (*at).max(*since));
                let age = last.elapsed();
                (age > max).then(|| (network.clone(), age))
            })
            .collect()
    }

    /// How long ago a poll or sync of `network` last succeeded; `None` if none has yet.
    pub fn poll_age(&self, network: &str) -> Option<Duration> {
        let polls = lock(&self.polls);
        polls.get(network).map(Instant::elapsed)
    }

    /// Everything, in Prometheus' text format ([`CONTENT_TYPE`]), with what the database
    /// holds now.
    pub fn encode(&self, gauges: &Gauges) -> Result<String, std::fmt::Error> {
        let mut out = String::new();
        prometheus_text::encode(&mut out, &self.scrape(gauges))?;
        prometheus_text::encode(&mut out, &self.registry)?;
        Ok(out)
    }

    /// The figures of this one scrape: `gauges` and the ages of the polls.
    fn scrape(&self, gauges: &Gauges) -> Registry {
        let mut registry = Registry::default();
        registry.register(
            "schalter_database_up",
            "1 when this scrape's reads of the database succeeded, 0 when they failed (the database's figures are then left out)",
            gauge(usize::from(gauges.database_up)),
        );
        registry.register(
            "schalter_office_open",
            "1 while the office is open by its catalogue (opening hours, closures, public holidays), else 0",
            gauge(usize::from(gauges.office_open)),
        );
        if gauges.database_up {
            Self::stored(&mut registry, gauges);
        }
        let ages = Family::<NetworkLabel, Gauge<f64, AtomicU64>>::default();
        for (network, at) in lock(&self.polls).iter() {
            ages.get_or_create(&NetworkLabel {
                network: network.clone(),
            })
            .set(at.elapsed().as_secs_f64());
        }
        registry.register(
            "schalter_last_poll_age_seconds",
            "Seconds since a poll or sync of the network last succeeded in this process",
            ages,
        );
        registry
    }

    /// What the database held at this scrape.
    fn stored(registry: &mut Registry, gauges: &Gauges) {
        registry.register(
            "schalter_queue_waiting",
            "Citizens in the waiting room",
            gauge(gauges.queue_waiting),
        );
        registry.register(
            "schalter_queue_in_call",
            "Citizens with a clerk",
            gauge(gauges.queue_in_call),
        );
        registry.register(
            "schalter_clerks_on_duty",
            "Clerks available",
            gauge(gauges.clerks_on_duty),
        );
        let count = Family::<StateLabel, Gauge>::default();
        let cents = Family::<StateLabel, Gauge>::default();
        for (state, n, amount) in &gauges.payments {
            let label = StateLabel {
                state: state.clone(),
            };
            count.get_or_create(&label).set(*n);
            cents.get_or_create(&label).set(*amount);
        }
        // A gauge, though named like a counter: the dashboards know it by this name.
        registry.register(
            "schalter_payments_total",
            "Payment requests by state",
            count,
        );
        registry.register(
            "schalter_payments_amount_cents",
            "Amounts of payment requests by state, in cents",
            cents,
        );
        let pending: Gauge = Gauge::default();
        pending.set(gauges.outbox_pending);
        registry.register(
            "schalter_outbox_pending",
            "Messages waiting for delivery",
            pending,
        );
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value of the sample that `series` (name and labels) names.
    fn sample(text: &str, series: &str) -> Option<f64> {
        text.lines()
            .find_map(|l| l.strip_prefix(series)?.strip_prefix(' '))
            .map(|v| v.parse().unwrap_or_else(|e| panic!("{series}: {v}: {e}")))
    }

    /// The cumulative counts of the `service` histogram's buckets, `+Inf` last.
    fn buckets(text: &str, service: &str) -> Vec<f64> {
        let bounds = WAIT_BUCKETS.iter().map(|b| b.to_string());
        bounds
            .chain(["+Inf".to_owned()])
            .map(|le| {
                let series =
                    format!("schalter_waiting_minutes_bucket{{service=\"{service}\",le=\"{le}\"}}");
                sample(text, &series).unwrap_or_else(|| panic!("no {series} in\n{text}"))
            })
            .collect()
    }

    #[test]
    fn counters_and_gauges_keep_their_names_and_values() {
        let m = Metrics::default();
        m.message(ChannelKind::Telegram, "de");
        m.message(ChannelKind::Telegram, "de");
        m.message(ChannelKind::Matrix, "en");
        m.error();
        m.delivered();
        m.delivered();
        m.retried();
        m.dead(3);
        m.send_failed("matrix", "rate_limited");
        m.purged("conversations", 4);
        let gauges = Gauges {
            queue_waiting: 2,
            queue_in_call: 1,
            clerks_on_duty: 3,
            payments: vec![("paid".to_owned(), 1, 1500)],
            outbox_pending: 5,
            ..Gauges::default()
        };
        let text = m.encode(&gauges).unwrap();
        for (series, value) in [
            (
                "schalter_messages_total{channel=\"telegram\",lang=\"de\"}",
                2.0,
            ),
            (
                "schalter_messages_total{channel=\"matrix\",lang=\"en\"}",
                1.0,
            ),
            ("schalter_errors_total", 1.0),
            ("schalter_outbox_delivered_total", 2.0),
            ("schalter_outbox_retried_total", 1.0),
            ("schalter_outbox_dead_total", 3.0),
            (
                "schalter_delivery_failures_total{platform=\"matrix\",kind=\"rate_limited\"}",
                1.0,
            ),
            ("schalter_purged_rows_total{kind=\"conversations\"}", 4.0),
            ("schalter_purged_rows_total{kind=\"bookings\"}", 0.0),
            ("schalter_queue_waiting", 2.0),
            ("schalter_queue_in_call", 1.0),
            ("schalter_clerks_on_duty", 3.0),
            ("schalter_payments_total{state=\"paid\"}", 1.0),
            ("schalter_payments_amount_cents{state=\"paid\"}", 1500.0),
            ("schalter_outbox_pending", 5.0),
        ] {
            assert_eq!(sample(&text, series), Some(value), "{series} in\n{text}");
        }
        for family in [
            "schalter_messages_total counter",
            "schalter_errors_total counter",
            "schalter_purged_rows_total counter",
            "schalter_waiting_minutes histogram",
            "schalter_queue_waiting gauge",
            "schalter_payments_total gauge",
        ] {
            assert!(text.contains(&format!("\n# TYPE {family}\n")), "{family}");
        }
        assert_eq!(m.deliveries(), (2, 1, 3));
        assert_eq!(m.errors(), 1);
        let purged = m.purged_rows();
        assert_eq!(purged.len(), PurgeReport::KINDS.len());
        assert!(purged.contains(&("conversations", 4)), "{purged:?}");
    }

    #[test]
    fn a_payment_state_gone_from_the_database_is_gone_from_the_scrape() {
        let m = Metrics::default();
        let open = Gauges {
            payments: vec![("open".to_owned(), 2, 2600)],
            ..Gauges::default()
        };
        let text = m.encode(&open).unwrap();
        assert!(text.contains("schalter_payments_total{state=\"open\"} 2\n"));
        let text = m.encode(&Gauges::default()).unwrap();
        assert!(!text.contains("state=\"open\""), "{text}");
    }

    #[test]
    fn a_database_that_failed_is_a_zero_and_leaves_its_figures_out() {
        let m = Metrics::default();
        m.error();
        m.leading("telegram", true);
        let open = Gauges {
            queue_waiting: 2,
            office_open: true,
            ..Gauges::default()
        };
        let text = m.encode(&open).unwrap();
        assert_eq!(sample(&text, "schalter_database_up"), Some(1.0), "{text}");
        assert_eq!(sample(&text, "schalter_office_open"), Some(1.0), "{text}");
        assert_eq!(sample(&text, "schalter_queue_waiting"), Some(2.0), "{text}");
        for family in ["schalter_database_up gauge", "schalter_office_open gauge"] {
            assert!(text.contains(&format!("\n# TYPE {family}\n")), "{family}");
        }

        let text = m.encode(&Gauges::database_down(false)).unwrap();
        assert_eq!(sample(&text, "schalter_database_up"), Some(0.0), "{text}");
        assert_eq!(sample(&text, "schalter_office_open"), Some(0.0), "{text}");
        for unknown in [
            "schalter_queue_waiting",
            "schalter_queue_in_call",
            "schalter_clerks_on_duty",
            "schalter_payments_total",
            "schalter_outbox_pending",
        ] {
            assert!(!text.contains(unknown), "{unknown} in\n{text}");
        }
        // What the process knows itself is still there.
        assert_eq!(sample(&text, "schalter_errors_total"), Some(1.0), "{text}");
        assert_eq!(
            sample(&text, "schalter_leader{network=\"telegram\"}"),
            Some(1.0)
        );
    }

    #[test]
    fn the_waiting_histogram_only_grows() {
        let m = Metrics::default();
        m.expect_services(["abmeldung"]);
        let before = m.encode(&Gauges::default()).unwrap();
        assert_eq!(buckets(&before, "abmeldung"), vec![0.0; 8]);
        assert_eq!(buckets(&before, WALK_IN), vec![0.0; 8]);

        m.waited("abmeldung", chrono::Duration::minutes(3));
        m.waited("abmeldung", chrono::Duration::seconds(30));
        let first = m.encode(&Gauges::default()).unwrap();
        assert_eq!(
            buckets(&first, "abmeldung"),
            [1.0, 1.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0]
        );

        m.waited("abmeldung", chrono::Duration::minutes(45));
        m.waited("abmeldung", chrono::Duration::minutes(90));
        m.waited(WALK_IN, chrono::Duration::minutes(12));
        // A clock stepped back never makes a negative wait.
        m.waited("abmeldung", chrono::Duration::minutes(-2));
        let second = m.encode(&Gauges::default()).unwrap();
        let (a, b) = (buckets(&first, "abmeldung"), buckets(&second, "abmeldung"));
        assert!(a.iter().zip(&b).all(|(a, b)| a <= b), "{a:?} then {b:?}");
        assert_eq!(b, [2.0, 2.0, 3.0, 3.0, 3.0, 3.0, 4.0, 5.0]);
        assert_eq!(
            buckets(&second, WALK_IN),
            [0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0]
        );
        let service = "{service=\"abmeldung\"}";
        assert_eq!(
            sample(&second, &format!("schalter_waiting_minutes_count{service}")),
            Some(5.0)
        );
        assert_eq!(
            sample(&second, &format!("schalter_waiting_minutes_sum{service}")),
            Some(138.5)
        );
    }

    #[test]
    fn leadership_is_one_or_zero() {
        let m = Metrics::default();
        m.leading("telegram", true);
        m.leading("matrix", false);
        let text = m.encode(&Gauges::default()).unwrap();
        assert_eq!(
            sample(&text, "schalter_leader{network=\"telegram\"}"),
            Some(1.0)
        );
        assert_eq!(
            sample(&text, "schalter_leader{network=\"matrix\"}"),
            Some(0.0)
        );
        m.leading("telegram", false);
        let text = m.encode(&Gauges::default()).unwrap();
        assert_eq!(
            sample(&text, "schalter_leader{network=\"telegram\"}"),
            Some(0.0)
        );
    }

    #[test]
    fn the_poll_age_counts_from_the_last_success() {
        let m = Metrics::default();
        assert_eq!(m.poll_age("matrix"), None);
        let text = m.encode(&Gauges::default()).unwrap();
        assert!(!text.contains("schalter_last_poll_age_seconds{"), "{text}");

        m.polled("matrix");
        std::thread::sleep(Duration::from_millis(30));
        let age = m.poll_age("matrix").unwrap();
        assert!(age >= Duration::from_millis(30), "{age:?}");
        assert_eq!(m.poll_age("telegram"), None);
        let text = m.encode(&Gauges::default()).unwrap();
        let seconds = sample(&text, "schalter_last_poll_age_seconds{network=\"matrix\"}")
            .unwrap_or_else(|| panic!("no poll age in\n{text}"));
        assert!((0.03..60.0).contains(&seconds), "{seconds}");

        m.polled("matrix");
        assert!(m.poll_age("matrix").unwrap() < age);
    }

    #[test]
    fn a_leader_whose_polls_stopped_is_stale_until_it_polls_or_stops_leading() {
        let m = Metrics::default();
        let max = Duration::from_millis(20);
        // A network that is not polled here (a webhook, another replica leads) never is.
        m.polled("telegram");
        std::thread::sleep(Duration::from_millis(30));
        assert!(m.stale_polls(max).is_empty());

        m.leading("matrix", true);
        m.poll_started("matrix");
        assert!(m.stale_polls(max).is_empty(), "just started: not yet");
        std::thread::sleep(Duration::from_millis(30));
        let stale = m.stale_polls(max);
        assert_eq!(stale.len(), 1, "{stale:?}");
        assert_eq!(stale[0].0, "matrix");
        assert!(stale[0].1 >= Duration::from_millis(30));
        m.polled("matrix");
        assert!(m.stale_polls(max).is_empty(), "a poll succeeded");
        std::thread::sleep(Duration::from_millis(30));
        assert_eq!(m.stale_polls(max).len(), 1);
        m.leading("matrix", false);
        assert!(
            m.stale_polls(max).is_empty(),
            "no longer leads: no poll expected"
        );
    }
}
