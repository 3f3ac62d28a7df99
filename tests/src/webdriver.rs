//! A small WebDriver client for headless Chromium (Debian's chromium and chromium-driver,
//! installed by the test command), for browser tests of the admin page.

use std::process::Stdio;
use std::time::Duration;

use serde_json::{Value, json};
use tokio::process::{Child, Command};

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

pub struct Browser {
    _driver: Child,
    base: String,
    session: String,
    client: reqwest::Client,
}

fn find_binary(candidates: &[&str]) -> String {
    candidates
        .iter()
        .find(|p| std::path::Path::new(p).exists())
        .map(|p| (*p).to_owned())
        .unwrap_or_else(|| {
            panic!(
                "{} is required for the browser test and is not installed: run the README's test \
                 command (bash tests/run.sh), which installs Debian's chromium and chromium-driver",
                candidates[0]
            )
        })
}

impl Browser {
    pub async fn start() -> Self {
        Self::start_with(&[]).await
    }

    /// As [`Browser::start`], with more of Chromium's switches (fake media devices, a
    /// phone's user agent …).
    pub async fn start_with(switches: &[&str]) -> Self {
        let driver = find_binary(&["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]);
        let chromium = find_binary(&["/usr/bin/chromium", "/usr/lib/chromium/chromium"]);
        let port = crate::free_port();
        let child = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("start chromedriver");
        let base = format!("http://127.0.0.1:{port}");
        let client = reqwest::Client::new();
        for _ in 0..100 {
            if client.get(format!("{base}/status")).send().await.is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let profile = crate::scratch_dir("schalter_chromium");
        let mut args: Vec<String> = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1280,1600",
        ]
        .map(str::to_owned)
        .to_vec();
        args.push(format!("--user-data-dir={}", profile.display()));
        args.extend(switches.iter().map(|s| (*s).to_owned()));
        let caps = json!({"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": chromium,
            "args": args
        }}}});
        let r: Value = client
            .post(format!("{base}/session"))
            .json(&caps)
            .send()
            .await
            .expect("new session")
            .json()
            .await
            .expect("session json");
        let session = r["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no WebDriver session: {r}"))
            .to_owned();
        Self {
            _driver: child,
            base,
            session,
            client,
        }
    }

    async fn call(&self, method: reqwest::Method, path: &str, body: Value) -> Value {
        let url = format!("{}/session/{}{path}", self.base, self.session);
        let r: Value = self
            .client
            .request(method, url)
            .json(&body)
            .send()
            .await
            .expect("webdriver request")
            .json()
            .await
            .expect("webdriver json");
        if r["value"].get("error").is_some() {
            panic!("WebDriver {path}: {r}");
        }
        r["value"].clone()
    }

    pub async fn goto(&self, url: &str) {
        self.call(reqwest::Method::POST, "/url", json!({"url": url}))
            .await;
    }

    async fn element(&self, css: &str) -> String {
        let v = self
            .call(
                reqwest::Method::POST,
                "/element",
                json!({"using": "css selector", "value": css}),
            )
            .await;
        v[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element {css}: {v}"))
            .to_owned()
    }

    pub async fn type_into(&self, css: &str, text: &str) {
        let id = self.element(css).await;
        self.call(
            reqwest::Method::POST,
            &format!("/element/{id}/clear"),
            json!({}),
        )
        .await;
        self.call(
            reqwest::Method::POST,
            &format!("/element/{id}/value"),
            json!({"text": text}),
        )
        .await;
    }

    pub async fn click(&self, css: &str) {
        let id = self.element(css).await;
        self.call(
            reqwest::Method::POST,
            &format!("/element/{id}/click"),
            json!({}),
        )
        .await;
    }

    /// Runs JavaScript in the page and returns its result.
    pub async fn js(&self, script: &str) -> Value {
        self.call(
            reqwest::Method::POST,
            "/execute/sync",
            json!({"script": script, "args": []}),
        )
        .await
    }

    /// Runs asynchronous JavaScript in the page: it ends by calling its last argument with
    /// the result.
    pub async fn js_async(&self, script: &str) -> Value {
        self.call(
            reqwest::Method::POST,
            "/execute/async",
            json!({"script": script, "args": []}),
        )
        .await
    }

    /// The WCAG 2.1 A and AA violations axe-core (from the npm registry, installed by the
    /// test command) finds on the page as it is now: `"rule: help (where)"` each.
    pub async fn axe(&self) -> Vec<String> {
        let loaded = self.js("return typeof window.axe === 'object'").await;
        if loaded != Value::Bool(true) {
            let path = std::env::var_os("SCHALTER_TEST_AXE")
                .map(std::path::PathBuf::from)
                .unwrap_or_else(|| {
                    crate::workspace().join(".test-env/axe/node_modules/axe-core/axe.min.js")
                });
            let source = std::fs::read_to_string(&path).unwrap_or_else(|_| {
                panic!(
                    "axe-core is required for the accessibility tests and is not installed at \
                     {}: run the README's test command (bash tests/run.sh), which installs it \
                     from the npm registry",
                    path.display()
                )
            });
            self.js(&format!("{source}\n;return true;")).await;
        }
        let found = self
            .js_async(
                "const done = arguments[arguments.length - 1]; \
                 axe.run(document, {runOnly: {type: 'tag', values: \
                   ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}) \
                 .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' (' + \
                   v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ') + ')'))) \
                 .catch(e => done(['axe failed: ' + e]));",
            )
            .await;
        found
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Waits until `script` returns true.
    pub async fn until(&self, what: &str, script: &str) {
        for _ in 0..200 {
            if self.js(script).await == Value::Bool(true) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let at = self
            .js("return location.href + ' — ' + document.body.innerText.slice(0, 400)")
            .await;
        panic!("timed out waiting for {what}; the page: {at}");
    }

    /// Forgets every cookie of the current site (a new visitor).
    pub async fn clear_cookies(&self) {
        self.call(reqwest::Method::DELETE, "/cookie", json!({}))
            .await;
    }

    /// Sets the window's size (a phone is 360 × 640).
    pub async fn resize(&self, width: u32, height: u32) {
        self.call(
            reqwest::Method::POST,
            "/window/rect",
            json!({"width": width, "height": height}),
        )
        .await;
    }

    /// The page's cookies, `HttpOnly` ones included, as `(name, value)`.
    pub async fn cookies(&self) -> Vec<(String, String)> {
        let v = self.call(reqwest::Method::GET, "/cookie", json!({})).await;
        v.as_array()
            .map(|a| {
                a.iter()
                    .map(|c| {
                        (
                            c["name"].as_str().unwrap_or_default().to_owned(),
                            c["value"].as_str().unwrap_or_default().to_owned(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Cuts the browser off the network, or connects it again (Chromium's network
    /// emulation: requests fail as they would offline).
    pub async fn offline(&self, offline: bool) {
        self.call(
            reqwest::Method::POST,
            "/chromium/network_conditions",
            json!({"network_conditions": {"offline": offline, "latency": 0,
                   "download_throughput": 1_000_000, "upload_throughput": 1_000_000}}),
        )
        .await;
    }

    /// Sends keys to the element that has the focus (`\u{E004}` is Tab, `\u{E007}` Enter,
    /// `\u{E00C}` Escape).
    pub async fn keys(&self, keys: &str) {
        let actions: Vec<Value> = keys
            .chars()
            .flat_map(|c| {
                [
                    json!({"type": "keyDown", "value": c.to_string()}),
                    json!({"type": "keyUp", "value": c.to_string()}),
                ]
            })
            .collect();
        self.call(
            reqwest::Method::POST,
            "/actions",
            json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]}),
        )
        .await;
    }

    /// A PNG of the page, for people to look at.
    pub async fn screenshot(&self, path: &std::path::Path) {
        let v = self
            .call(reqwest::Method::GET, "/screenshot", json!({}))
            .await;
        let bytes = base64_decode(v.as_str().unwrap_or_default());
        let _ = std::fs::write(path, bytes);
    }

    pub async fn quit(self) {
        let _ = self
            .client
            .delete(format!("{}/session/{}", self.base, self.session))
            .send()
            .await;
    }
}

fn base64_decode(s: &str) -> Vec<u8> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for v in s.bytes().filter_map(value) {
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}
