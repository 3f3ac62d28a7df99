//! The Grafana dashboard (`deploy/grafana/schalter.json`) and the Prometheus alerts
//! (`deploy/prometheus/alerts.yml`) read only metrics that a real `schalter serve` exports: a
//! renamed metric would otherwise leave an empty panel, or an alert that can never fire,
//! without anybody noticing. The alerts pass `promtool check rules`; the dashboard parses and
//! every panel says what it shows. And `/metrics` answers while the database does not, with
//! `schalter_database_up 0`, which the alerts need to tell that apart from Schalter down.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use schalter_tests::prometheus::{scrape, sum};
use schalter_tests::telegram_emulator::{Emulator, TOKEN, TgUser};
use schalter_tests::{Serve, TestDb, workspace};
use serde_json::Value;

use crate::CLOCK;

fn dashboard() -> PathBuf {
    workspace().join("deploy/grafana/schalter.json")
}

fn alerts() -> PathBuf {
    workspace().join("deploy/prometheus/alerts.yml")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The names `schalter_…` that PromQL `exprs` use (Prometheus' own, such as `up`, are not
/// Schalter's to export).
fn used_names<'a>(exprs: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for expr in exprs {
        let bytes = expr.as_bytes();
        let mut at = 0;
        while let Some(found) = expr[at..].find("schalter_") {
            let start = at + found;
            let mut end = start + "schalter_".len();
            while end < bytes.len() && (bytes[end].is_ascii_lowercase() || bytes[end] == b'_') {
                end += 1;
            }
            let inside_a_word =
                start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_');
            if !inside_a_word {
                names.insert(expr[start..end].to_owned());
            }
            at = end;
        }
    }
    names
}

/// Every `expr` of the dashboard's JSON, at any depth (panels, rows' panels, variables).
fn dashboard_exprs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match v {
                    Value::String(expr) if key == "expr" => out.push(expr.clone()),
                    _ => dashboard_exprs(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| dashboard_exprs(v, out)),
        _ => {}
    }
}

/// Every `expr:` of a rules file: on its line, or as a block scalar (`>-`, `|`) on the more
/// indented lines below it. (The rules file's other keys are checked by promtool.)
fn rule_exprs(yaml: &str) -> Vec<String> {
    let lines: Vec<&str> = yaml.lines().collect();
    let mut exprs = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(value) = line.trim_start().strip_prefix("expr:") else {
            continue;
        };
        let value = value.trim();
        if !value.starts_with(['|', '>']) {
            exprs.push(value.to_owned());
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let block: Vec<&str> = lines[i + 1..]
            .iter()
            .take_while(|l| l.trim().is_empty() || l.len() - l.trim_start().len() > indent)
            .map(|l| l.trim())
            .collect();
        exprs.push(block.join(" "));
    }
    exprs
}

/// The metric families a scrape exports: its `# TYPE` lines (a family without samples yet
/// still has one) and the names of its samples.
fn exported(scrape: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut names = BTreeSet::new();
    let mut histograms = BTreeSet::new();
    for line in scrape.lines() {
        if let Some(rest) = line.strip_prefix("# TYPE ") {
            let mut words = rest.split_whitespace();
            if let (Some(name), Some(kind)) = (words.next(), words.next()) {
                names.insert(name.to_owned());
                if kind == "histogram" {
                    histograms.insert(name.to_owned());
                }
            }
        } else if !line.starts_with('#') {
            let end = line.find(['{', ' ']).unwrap_or(line.len());
            if end > 0 {
                names.insert(line[..end].to_owned());
            }
        }
    }
    (names, histograms)
}

/// Whether `name` is exported, a histogram's `_bucket`, `_sum` and `_count` as its family.
fn is_exported(name: &str, (names, histograms): &(BTreeSet<String>, BTreeSet<String>)) -> bool {
    names.contains(name)
        || ["_bucket", "_sum", "_count"].iter().any(|suffix| {
            name.strip_suffix(suffix)
                .is_some_and(|family| histograms.contains(family))
        })
}

#[test]
fn every_panel_has_a_title_a_description_and_a_query() {
    let path = dashboard();
    let json: Value = serde_json::from_str(&read(&path))
        .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
    assert_eq!(json["uid"], "schalter", "the dashboard's uid");
    let variables = json["templating"]["list"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        variables
            .iter()
            .any(|v| v["name"] == "datasource" && v["query"] == "prometheus"),
        "a datasource variable of type prometheus, so that it imports anywhere"
    );
    let mut panels: Vec<&Value> = Vec::new();
    for panel in json["panels"].as_array().expect("panels") {
        panels.push(panel);
        panels.extend(panel["panels"].as_array().into_iter().flatten());
    }
    let mut faults = Vec::new();
    let mut shown = 0;
    for panel in panels.iter().filter(|p| p["type"] != "row") {
        shown += 1;
        let title = panel["title"].as_str().unwrap_or_default();
        let id = &panel["id"];
        if title.trim().is_empty() {
            faults.push(format!("panel {id} has no title"));
        }
        if panel["description"]
            .as_str()
            .is_none_or(|d| d.trim().is_empty())
        {
            faults.push(format!("panel {id} `{title}` has no description"));
        }
        let targets = panel["targets"].as_array().cloned().unwrap_or_default();
        if !targets
            .iter()
            .any(|t| t["expr"].as_str().is_some_and(|e| !e.trim().is_empty()))
        {
            faults.push(format!("panel {id} `{title}` has no query"));
        }
    }
    assert!(shown > 0, "no panels in {}", path.display());
    assert!(
        faults.is_empty(),
        "{}:\n{}",
        path.display(),
        faults.join("\n")
    );
}

/// Runs `promtool` with `args` in `dir`, failing loudly when it is not installed.
fn promtool(args: &[&str], dir: &Path) -> String {
    let output = std::process::Command::new("promtool")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "promtool could not be run ({e}): it checks deploy/prometheus/alerts.yml; \
                 install Debian's `prometheus` package (`apt-get install prometheus`, which \
                 tests/run.sh does)"
            )
        });
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.status.success(),
        "promtool {} failed:\n{text}",
        args.join(" ")
    );
    text
}

#[test]
fn promtool_accepts_the_alerts() {
    let path = alerts();
    let text = promtool(
        &["check", "rules", &path.display().to_string()],
        &workspace(),
    );
    assert!(text.contains("SUCCESS"), "{text}");
    let exprs = rule_exprs(&read(&path));
    assert!(
        exprs.len() >= 8,
        "only {} exprs found: {exprs:?}",
        exprs.len()
    );
}

/// The rules without their `annotations:` blocks: `promtool test rules` compares an alert's
/// annotations too, and the prose is for people, not for this test.
fn without_annotations(yaml: &str) -> String {
    let mut out = String::new();
    let mut skipping: Option<usize> = None;
    for line in yaml.lines() {
        let indent = line.len() - line.trim_start().len();
        if let Some(block) = skipping {
            if line.trim().is_empty() || indent > block {
                continue;
            }
            skipping = None;
        }
        if line.trim() == "annotations:" {
            skipping = Some(indent);
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Series over time and the alerts they must (and must not) raise, for `promtool test rules`.
const ALERT_CASES: &str = r#"rule_files: [alerts.yml]
evaluation_interval: 1m
tests:
  - interval: 1m
    input_series:
      - series: 'schalter_leader{job="schalter",instance="a",network="telegram"}'
        values: '0x10'
      - series: 'schalter_leader{job="schalter",instance="b",network="telegram"}'
        values: '0x10'
      - series: 'schalter_leader{job="schalter",instance="a",network="matrix"}'
        values: '1x10'
      - series: 'schalter_leader{job="schalter",instance="b",network="matrix"}'
        values: '1x10'
      - series: 'schalter_leader{job="schalter",instance="a",network="mail"}'
        values: '1x10'
      - series: 'schalter_leader{job="schalter",instance="b",network="mail"}'
        values: '0x10'
      - series: 'schalter_last_poll_age_seconds{job="schalter",instance="a",network="matrix"}'
        values: '30+60x10'
      - series: 'schalter_last_poll_age_seconds{job="schalter",instance="b",network="mail"}'
        values: '30+60x10'
    alert_rule_test:
      - eval_time: 2m
        alertname: SchalterNoLeader
        exp_alerts: []
      - eval_time: 5m
        alertname: SchalterNoLeader
        exp_alerts:
          - exp_labels: {severity: critical, job: schalter, network: telegram}
      - eval_time: 5m
        alertname: SchalterSeveralLeaders
        exp_alerts:
          - exp_labels: {severity: critical, job: schalter, network: matrix}
      - eval_time: 5m
        alertname: SchalterPollStale
        exp_alerts:
          - exp_labels: {severity: warning, job: schalter, instance: a, network: matrix}
  - interval: 1m
    input_series:
      - series: 'schalter_queue_waiting{job="schalter",instance="a"}'
        values: '3x20'
      - series: 'schalter_queue_waiting{job="schalter",instance="b"}'
        values: '3x20'
      - series: 'schalter_clerks_on_duty{job="schalter",instance="a"}'
        values: '0x20'
      - series: 'schalter_clerks_on_duty{job="schalter",instance="b"}'
        values: '0x20'
      - series: 'schalter_office_open{job="schalter",instance="a"}'
        values: '1x20'
      - series: 'schalter_office_open{job="schalter",instance="b"}'
        values: '1x20'
      - series: 'schalter_database_up{job="schalter",instance="a"}'
        values: '1 1 0x10'
      - series: 'up{job="schalter",instance="b"}'
        values: '1 0x10'
      - series: 'schalter_errors_total{job="schalter",instance="a"}'
        values: '0 0 1x10'
      - series: 'schalter_messages_total{job="schalter",instance="a",channel="telegram",lang="de"}'
        values: '0+10x20'
      - series: 'schalter_outbox_dead_total{job="schalter",instance="a"}'
        values: '0 0 2x10'
      - series: 'schalter_outbox_pending{job="schalter",instance="a"}'
        values: '150x20'
    alert_rule_test:
      - eval_time: 9m
        alertname: SchalterCitizensWaitingWithoutClerk
        exp_alerts: []
      - eval_time: 12m
        alertname: SchalterCitizensWaitingWithoutClerk
        exp_alerts:
          - exp_labels: {severity: warning, job: schalter}
      - eval_time: 5m
        alertname: SchalterDatabaseDown
        exp_alerts:
          - exp_labels: {severity: critical, job: schalter, instance: a}
      - eval_time: 4m
        alertname: SchalterDown
        exp_alerts:
          - exp_labels: {severity: critical, job: schalter, instance: b}
      - eval_time: 4m
        alertname: SchalterInputsFailing
        exp_alerts:
          - exp_labels: {severity: warning, job: schalter}
      - eval_time: 4m
        alertname: SchalterInputsFailingOften
        exp_alerts: []
      - eval_time: 4m
        alertname: SchalterOutboxDeadLetters
        exp_alerts:
          - exp_labels: {severity: warning, job: schalter}
      - eval_time: 10m
        alertname: SchalterOutboxBacklog
        exp_alerts: []
      - eval_time: 16m
        alertname: SchalterOutboxBacklog
        exp_alerts:
          - exp_labels: {severity: warning, job: schalter}
  # Closed (a holiday, the evening): citizens left in the waiting room alert nobody.
  - interval: 1m
    input_series:
      - series: 'schalter_queue_waiting{job="schalter",instance="a"}'
        values: '3x20'
      - series: 'schalter_clerks_on_duty{job="schalter",instance="a"}'
        values: '0x20'
      - series: 'schalter_office_open{job="schalter",instance="a"}'
        values: '0x20'
    alert_rule_test:
      - eval_time: 15m
        alertname: SchalterCitizensWaitingWithoutClerk
        exp_alerts: []
"#;

#[test]
fn the_alerts_fire_when_they_should_and_only_then() {
    let dir = schalter_tests::scratch_dir("schalter_alert_tests");
    std::fs::write(
        dir.join("alerts.yml"),
        without_annotations(&read(&alerts())),
    )
    .expect("write the rules");
    std::fs::write(dir.join("t.yml"), ALERT_CASES).expect("write the cases");
    let text = promtool(&["test", "rules", "t.yml"], &dir);
    assert!(text.contains("SUCCESS"), "{text}");
    std::fs::remove_dir_all(&dir).ok();
}

/// A `serve` on SQLite that leads Telegram (the emulator), with one of everything the
/// dashboard shows: prometheus-client leaves a labelled family out of the scrape until it
/// has a series, so a citizen writes (`schalter_messages_total`, the poll's age), the first
/// answer meets a 502 (`schalter_delivery_failures_total`) and a payment is on record.
async fn start() -> (TestDb, Emulator, Serve) {
    let db = TestDb::sqlite().await;
    sqlx::query(
        "INSERT INTO payments (id, reference, entry_id, conversation_id, lang, items, \
         amount_cents, currency, state, created_at, updated_at) \
         VALUES ('dashboards', 'DASH-0001', 'dashboards', 'telegram:4711', 'de', '[]', \
         1500, 'EUR', 'paid', 0, 0)",
    )
    .execute(db.store.pool())
    .await
    .expect("a payment on record");
    let emu = Emulator::start().await;
    let serve = Serve::start(&[
        ("SCHALTER_DATABASE_URL", db.url.as_str()),
        ("SCHALTER_TELEGRAM_TOKEN", TOKEN),
        ("SCHALTER_TELEGRAM_API_URL", emu.url.as_str()),
        ("SCHALTER_CLOCK_START", CLOCK),
    ])
    .await;
    let citizen = TgUser::new(4711, "dashboards", Some("de"));
    emu.fail_next_sends(1);
    emu.send_text(&citizen, "/start");
    emu.wait_message_within(citizen.id, 0, Duration::from_secs(60), |_| true)
        .await;
    (db, emu, serve)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dashboards_and_alerts_read_only_what_serve_exports() {
    let (db, emu, serve) = start().await;
    let body = scrape(&serve).await;
    assert_eq!(sum(&body, "schalter_database_up", &[]), Some(1.0), "{body}");
    // Tuesday 09:00 in Heidelberg: open by the shipped catalogue.
    assert_eq!(sum(&body, "schalter_office_open", &[]), Some(1.0), "{body}");
    assert_eq!(
        sum(&body, "schalter_leader", &["network=\"telegram\""]),
        Some(1.0),
        "{body}"
    );
    let families = exported(&body);

    let json: Value = serde_json::from_str(&read(&dashboard())).expect("the dashboard's JSON");
    let mut panel_exprs = Vec::new();
    dashboard_exprs(&json, &mut panel_exprs);
    let rules = rule_exprs(&read(&alerts()));
    for (file, exprs) in [(dashboard(), panel_exprs), (alerts(), rules)] {
        let used = used_names(exprs.iter().map(String::as_str));
        assert!(
            !used.is_empty(),
            "no schalter_ metric in {}",
            file.display()
        );
        let missing: Vec<_> = used.iter().filter(|n| !is_exported(n, &families)).collect();
        assert!(
            missing.is_empty(),
            "{} reads metrics that `schalter serve` does not export: {missing:?}\n\
             exported: {:?}",
            file.display(),
            families.0
        );
    }

    // A database that fails its reads: still a scrape, with schalter_database_up 0 and the
    // process's own counters, and without the figures it could not read.
    sqlx::query("ALTER TABLE notifications RENAME TO notifications_away")
        .execute(db.store.pool())
        .await
        .expect("move the outbox's table away");
    let response = reqwest::get(format!("{}/metrics", serve.http))
        .await
        .expect("GET /metrics");
    let status = response.status();
    let down = response.text().await.expect("metrics body");
    sqlx::query("ALTER TABLE notifications_away RENAME TO notifications")
        .execute(db.store.pool())
        .await
        .expect("move the outbox's table back");
    assert_eq!(status, reqwest::StatusCode::OK, "{down}");
    assert_eq!(sum(&down, "schalter_database_up", &[]), Some(0.0), "{down}");
    assert_eq!(sum(&down, "schalter_office_open", &[]), Some(1.0), "{down}");
    assert!(
        sum(&down, "schalter_messages_total", &[]) >= Some(1.0),
        "{down}"
    );
    for unknown in ["schalter_queue_waiting", "schalter_outbox_pending"] {
        assert_eq!(sum(&down, unknown, &[]), None, "{unknown} in\n{down}");
    }
    let body = scrape(&serve).await;
    assert_eq!(
        sum(&body, "schalter_database_up", &[]),
        Some(1.0),
        "back: {body}"
    );

    drop(serve);
    drop(emu);
    db.drop_db().await;
}

#[test]
fn names_are_found_in_exprs_and_histograms_count_as_their_family() {
    let used = used_names([
        "histogram_quantile(0.9, sum by (le) (rate(schalter_waiting_minutes_bucket[5m])))",
        "up{job=\"schalter\"} == 0 and not_schalter_x",
    ]);
    assert_eq!(
        used.into_iter().collect::<Vec<_>>(),
        ["schalter_waiting_minutes_bucket"]
    );
    let families = exported(
        "# TYPE schalter_waiting_minutes histogram\n\
         schalter_waiting_minutes_bucket{le=\"1\"} 0\n\
         # TYPE schalter_last_poll_age_seconds gauge\n",
    );
    assert!(is_exported("schalter_waiting_minutes_count", &families));
    assert!(is_exported("schalter_last_poll_age_seconds", &families));
    assert!(!is_exported("schalter_waiting_minutes_total", &families));
    let stripped = without_annotations(
        "      - alert: A\n        annotations:\n          summary: x\n        for: 1m\n",
    );
    assert_eq!(stripped, "      - alert: A\n        for: 1m\n");
    let yaml = "      - alert: A\n        expr: x > 1\n        for: 1m\n      - alert: B\n        \
                expr: >-\n          a\n            / b\n        for: 2m\n";
    assert_eq!(rule_exprs(yaml), ["x > 1", "a / b"]);
}
