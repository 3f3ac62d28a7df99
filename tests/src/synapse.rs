//! A real Synapse for end-to-end tests: installed from PyPI into a virtualenv by the test
//! command (`SCHALTER_TEST_SYNAPSE`, default `.test-env/synapse` in the workspace), started on
//! a free loopback port with SQLite and rate limits lifted, users registered with the shared
//! secret. Each test gets its own server; it is stopped when dropped.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use tokio::process::{Child, Command};

pub const SHARED_SECRET: &str = "schalter-test-registration-secret";

pub struct Synapse {
    child: Child,
    pub url: String,
    config: PathBuf,
    venv: PathBuf,
    _dir: PathBuf,
}

/// The virtualenv the test script makes (Synapse, icalendar, aiosmtpd).
pub fn venv() -> PathBuf {
    std::env::var_os("SCHALTER_TEST_SYNAPSE")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::workspace().join(".test-env/synapse"))
}

/// Rate limits high enough never to matter in tests.
const LIFTED: &str = "{per_second: 10000, burst_count: 10000}";

impl Synapse {
    pub async fn start() -> Self {
        let venv = venv();
        let python = venv.join("bin/python");
        assert!(
            python.exists(),
            "Synapse is required and not installed at {}: run the README's test command \
             (bash tests/run.sh), which installs it from PyPI",
            venv.display()
        );
        let dir = crate::scratch_dir("schalter_synapse");
        let port = crate::free_port();
        let config = dir.join("homeserver.yaml");
        let d = dir.display();
        std::fs::write(
            &config,
            format!(
                r#"server_name: "localhost"
pid_file: "{d}/homeserver.pid"
public_baseurl: "http://127.0.0.1:{port}/"
listeners:
  - port: {port}
    bind_addresses: ["127.0.0.1"]
    type: http
    tls: false
    x_forwarded: false
    resources:
      - names: [client]
        compress: false
database:
  name: sqlite3
  args:
    database: "{d}/homeserver.db"
media_store_path: "{d}/media"
signing_key_path: "{d}/signing.key"
registration_shared_secret: "{SHARED_SECRET}"
macaroon_secret_key: "schalter-test-macaroon"
form_secret: "schalter-test-form"
report_stats: false
enable_registration: false
trusted_key_servers: []
suppress_key_server_warning: true
federation_domain_whitelist: []
presence:
  enabled: false
rc_message: {LIFTED}
rc_registration: {LIFTED}
rc_room_creation: {LIFTED}
rc_login:
  address: {LIFTED}
  account: {LIFTED}
  failed_attempts: {LIFTED}
rc_joins:
  local: {LIFTED}
  remote: {LIFTED}
rc_joins_per_room: {LIFTED}
rc_invites:
  per_room: {LIFTED}
  per_user: {LIFTED}
  per_issuer: {LIFTED}
rc_3pid_validation: {LIFTED}
rc_key_requests: {LIFTED}
rc_admin_redaction: {LIFTED}
rc_delayed_event_mgmt: {LIFTED}
"#
            ),
        )
        .expect("write homeserver.yaml");
        let keys = Command::new(&python)
            .args(["-m", "synapse.app.homeserver", "-c"])
            .arg(&config)
            .arg("--generate-keys")
            .output()
            .await
            .expect("run synapse --generate-keys");
        assert!(
            keys.status.success(),
            "synapse --generate-keys: {}",
            String::from_utf8_lossy(&keys.stderr)
        );
        let log = std::fs::File::create(dir.join("synapse.log")).expect("synapse log");
        let child = Command::new(&python)
            .args(["-m", "synapse.app.homeserver", "-c"])
            .arg(&config)
            .stdout(Stdio::from(log.try_clone().expect("log handle")))
            .stderr(Stdio::from(log))
            .kill_on_drop(true)
            .spawn()
            .expect("start synapse");
        let url = format!("http://127.0.0.1:{port}");
        let client = reqwest::Client::new();
        for _ in 0..600 {
            if let Ok(r) = client
                .get(format!("{url}/_matrix/client/versions"))
                .send()
                .await
                && r.status().is_success()
            {
                return Self {
                    child,
                    url,
                    config,
                    venv,
                    _dir: dir,
                };
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!(
            "Synapse did not start; see {}",
            dir.join("synapse.log").display()
        );
    }

    /// Registers `@name:localhost` with `password`.
    pub async fn register(&self, name: &str, password: &str) -> String {
        let out = Command::new(self.venv.join("bin/register_new_matrix_user"))
            .args(["-c"])
            .arg(&self.config)
            .args(["-u", name, "-p", password, "--no-admin", &self.url])
            .output()
            .await
            .expect("run register_new_matrix_user");
        assert!(
            out.status.success(),
            "register {name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        format!("@{name}:localhost")
    }

    /// Registers `@name:localhost` as a server admin and returns its access token.
    pub async fn admin_token(&self, name: &str, password: &str) -> String {
        let out = Command::new(self.venv.join("bin/register_new_matrix_user"))
            .args(["-c"])
            .arg(&self.config)
            .args(["-u", name, "-p", password, "--admin", &self.url])
            .output()
            .await
            .expect("run register_new_matrix_user");
        assert!(
            out.status.success(),
            "register {name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        crate::matrix_client::access_token(&self.url, name, password).await
    }

    /// As the server admin `token`: the number of media files `user` uploaded that the media
    /// repository still holds.
    pub async fn media_of(&self, token: &str, user: &str) -> u64 {
        let r: serde_json::Value = reqwest::Client::new()
            .get(format!("{}/_synapse/admin/v1/users/{user}/media", self.url))
            .bearer_auth(token)
            .send()
            .await
            .expect("list media")
            .json()
            .await
            .expect("a media list");
        r["total"]
            .as_u64()
            .unwrap_or_else(|| panic!("no total in {r}"))
    }

    /// As the server admin `token`: makes `user` a server admin too.
    pub async fn make_admin(&self, token: &str, user: &str) {
        let r = reqwest::Client::new()
            .put(format!("{}/_synapse/admin/v2/users/{user}", self.url))
            .bearer_auth(token)
            .json(&serde_json::json!({"admin": true}))
            .send()
            .await
            .expect("make admin");
        assert!(r.status().is_success(), "make {user} admin: {}", r.status());
    }

    pub fn config(&self) -> &Path {
        &self.config
    }

    pub async fn stop(mut self) {
        let _ = self.child.kill().await;
    }
}
