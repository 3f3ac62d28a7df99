//! Restarting the local PostgreSQL cluster (`pg_ctlcluster … restart`) and waiting for it.

use std::time::{Duration, Instant};

use sqlx::Connection;

use crate::database::admin_url;

/// The local PostgreSQL cluster on the port of `SCHALTER_TEST_POSTGRES_URL` (5432 by default):
/// its version (`/etc/postgresql/<version>/main`).
pub(crate) fn cluster_version() -> String {
    let url = admin_url();
    let port = <sqlx::postgres::PgConnectOptions as std::str::FromStr>::from_str(&url)
        .map(|o| o.get_port())
        .unwrap_or_else(|e| panic!("SCHALTER_TEST_POSTGRES_URL is not a PostgreSQL URL: {e}"))
        .to_string();
    let etc = std::path::Path::new("/etc/postgresql");
    let entries = std::fs::read_dir(etc).unwrap_or_else(|e| {
        panic!(
            "cannot restart PostgreSQL: {} is unreadable ({e}); this test restarts the local \
             cluster with pg_ctlcluster",
            etc.display()
        )
    });
    let mut versions: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|v| etc.join(v).join("main").is_dir())
        .collect();
    versions.sort();
    let on_port: Vec<&String> = versions
        .iter()
        .filter(|v| {
            std::fs::read_to_string(etc.join(v).join("main/postgresql.conf"))
                .unwrap_or_default()
                .lines()
                .any(|l| {
                    l.trim_start().starts_with("port")
                        && l.split('#').next().unwrap_or_default().contains(&port)
                })
        })
        .collect();
    match (on_port.as_slice(), versions.as_slice()) {
        ([v], _) => (*v).clone(),
        ([], [v]) if port == "5432" => v.clone(),
        _ => panic!(
            "cannot restart PostgreSQL: which cluster in {} serves port {port}? versions \
             {versions:?}, on {port}: {on_port:?} (this test restarts the local cluster of \
             SCHALTER_TEST_POSTGRES_URL with pg_ctlcluster)",
            etc.display()
        ),
    }
}

/// A restart of the local PostgreSQL cluster under way (`pg_ctlcluster … restart`).
pub(crate) struct Restart {
    pub(crate) child: tokio::process::Child,
    pub(crate) version: String,
}

impl Restart {
    /// Starts restarting the local cluster and returns once `old`, a connection to the server
    /// the test uses, breaks: PostgreSQL is going down (which also proves that the cluster
    /// restarted is the test's server). Fails the test, loudly, if that cannot be done.
    pub(crate) async fn begin(old: &mut sqlx::PgConnection) -> Self {
        let version = cluster_version();
        let started = Instant::now();
        let child = tokio::process::Command::new("pg_ctlcluster")
            .args(["--skip-systemctl-redirect", &version, "main", "restart"])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot restart PostgreSQL: pg_ctlcluster {version} main restart: {e}")
            });
        while sqlx::query("SELECT 1").execute(&mut *old).await.is_ok() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "PostgreSQL did not go down within 30 s of pg_ctlcluster {version} main \
                 restart (is SCHALTER_TEST_POSTGRES_URL the local cluster?)"
            );
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        Self { child, version }
    }

    /// Waits for `pg_ctlcluster` to finish; fails the test, loudly, if it failed.
    pub(crate) async fn finish(self) {
        let version = self.version;
        let out = self
            .child
            .wait_with_output()
            .await
            .expect("wait for pg_ctlcluster");
        assert!(
            out.status.success(),
            "cannot restart PostgreSQL: pg_ctlcluster --skip-systemctl-redirect {version} main \
             restart failed ({}): {}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Waits until PostgreSQL takes connections again (up to 60 s); returns when, since `since`.
pub(crate) async fn postgres_back(since: Instant) -> Duration {
    let url = admin_url();
    loop {
        match sqlx::PgConnection::connect(&url).await {
            Ok(conn) => {
                let back = since.elapsed();
                let _ = conn.close().await;
                return back;
            }
            Err(e) => assert!(
                since.elapsed() < Duration::from_secs(60),
                "PostgreSQL does not take connections 60 s after going down: {e}"
            ),
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
