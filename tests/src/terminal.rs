//! Drives `schalter chat` through a pipe, as a script or a person at a terminal would.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::process::{Child, ChildStdin, ChildStdout, Command};

/// One reply as printed: the text, then `[N] label` lines, then a blank line. A
/// notification (a reminder, a waiting-room update) is printed as `* ` lines instead.
#[derive(Debug, Clone, Default)]
pub struct Printed {
    pub text: String,
    pub options: Vec<String>,
    pub notice: bool,
}

impl Printed {
    /// The 1-based number of the first option whose label contains `needle`.
    pub fn number_of(&self, needle: &str) -> usize {
        self.options
            .iter()
            .position(|o| o.contains(needle))
            .map(|i| i + 1)
            .unwrap_or_else(|| panic!("no option containing {needle:?} in {self:#?}"))
    }

    pub fn has_option(&self, needle: &str) -> bool {
        self.options.iter().any(|o| o.contains(needle))
    }

    /// Booking references (`XXXX-XXXX`) in the text, in order.
    pub fn references(&self) -> Vec<String> {
        const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        let chars: Vec<char> = self.text.chars().collect();
        let mut found = Vec::new();
        for w in chars.windows(9) {
            let ok = w[4] == '-'
                && w.iter()
                    .enumerate()
                    .all(|(i, c)| i == 4 || ALPHABET.contains(*c));
            if ok {
                found.push(w.iter().collect());
            }
        }
        found
    }
}

pub struct Chat {
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: BufReader<ChildStdout>,
}

impl Chat {
    /// Starts `schalter chat` on the database `db_url`, from the workspace root.
    pub async fn start(db_url: &str, user: &str, lang: Option<&str>) -> (Self, Printed) {
        Self::start_with(db_url, user, lang, &[]).await
    }

    /// The same with extra environment, e.g. `SCHALTER_CLOCK_START`.
    pub async fn start_with(
        db_url: &str,
        user: &str,
        lang: Option<&str>,
        env: &[(&str, &str)],
    ) -> (Self, Printed) {
        let mut cmd = Command::new(crate::schalter_bin());
        // The demo catalogue and the shipped locales, unless the test says otherwise.
        cmd.env_remove("SCHALTER_CATALOG")
            .env_remove("SCHALTER_LOCALES_DIR");
        cmd.envs(env.iter().copied());
        cmd.arg("chat").arg("--user").arg(user);
        if let Some(lang) = lang {
            cmd.arg("--lang").arg(lang);
        }
        let mut child = cmd
            .current_dir(crate::workspace())
            .env("SCHALTER_DATABASE_URL", db_url)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .expect("start schalter chat");
        let stdin = child.stdin.take();
        let stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
        let mut chat = Self {
            child,
            stdin,
            stdout,
        };
        let first = chat.read().await;
        (chat, first)
    }

    /// Sends one line and reads the reply.
    pub async fn send(&mut self, line: &str) -> Printed {
        self.send_raw(format!("{line}\n").as_bytes()).await
    }

    pub async fn send_raw(&mut self, bytes: &[u8]) -> Printed {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(bytes).await.expect("write to chat");
        stdin.flush().await.expect("flush chat");
        self.read().await
    }

    /// Reads one reply: lines up to the blank line that follows the options. Notifications
    /// printed in between are skipped.
    pub async fn read(&mut self) -> Printed {
        loop {
            let printed = self.read_block().await;
            if !printed.notice {
                return printed;
            }
        }
    }

    /// Reads the next block: a reply or a notification.
    pub async fn read_block(&mut self) -> Printed {
        tokio::time::timeout(Duration::from_secs(30), self.read_inner())
            .await
            .expect("schalter chat printed within 30 s")
    }

    /// Reads blocks until a notification containing `needle` arrives.
    pub async fn wait_for_notice(&mut self, needle: &str) -> Printed {
        loop {
            let printed = self.read_block().await;
            if printed.notice && printed.text.contains(needle) {
                return printed;
            }
        }
    }

    async fn read_inner(&mut self) -> Printed {
        let mut printed = Printed::default();
        let mut text = Vec::new();
        loop {
            let mut line = String::new();
            let n = self
                .stdout
                .read_line(&mut line)
                .await
                .expect("read chat output");
            assert!(
                n > 0,
                "schalter chat ended early; so far: {text:?} {printed:?}"
            );
            let line = line.trim_end_matches(['\n', '\r']);
            if text.is_empty() && printed.options.is_empty() && line.starts_with("* ") {
                printed.notice = true;
            }
            if line.is_empty() && (printed.notice || !printed.options.is_empty()) {
                break;
            }
            if printed.notice {
                text.push(line.trim_start_matches("* ").to_owned());
                continue;
            }
            match option_label(line) {
                Some(label) => printed.options.push(label.to_owned()),
                None => text.push(line.to_owned()),
            }
        }
        printed.text = text.join("\n");
        printed
    }

    /// Every block (replies and notifications) printed within `wait`: for checking that
    /// something does *not* come. A block that starts before `wait` is over is read whole.
    pub async fn blocks_within(&mut self, wait: Duration) -> Vec<Printed> {
        let deadline = tokio::time::Instant::now() + wait;
        let mut blocks = Vec::new();
        // `fill_buf` is cancel-safe: a timeout never loses part of a line.
        while let Ok(more) = tokio::time::timeout_at(deadline, self.stdout.fill_buf()).await {
            if more.expect("read chat output").is_empty() {
                break;
            }
            blocks.push(self.read_block().await);
        }
        blocks
    }

    /// Kills the process without warning, as a crash or `kill -9` would.
    pub async fn kill(mut self) {
        self.child.kill().await.expect("kill chat");
    }

    /// Closes stdin and waits for a clean exit.
    pub async fn finish(mut self) -> std::process::ExitStatus {
        drop(self.stdin.take());
        tokio::time::timeout(Duration::from_secs(30), self.child.wait())
            .await
            .expect("chat exits at end of input")
            .expect("wait for chat")
    }
}

/// `[N] label` → `label`.
fn option_label(line: &str) -> Option<&str> {
    let rest = line.strip_prefix('[')?;
    let (n, label) = rest.split_once("] ")?;
    n.parse::<usize>().ok()?;
    Some(label)
}

/// Runs `schalter` with arguments from the workspace root and returns (status, stdout, stderr).
pub async fn run(
    args: &[&str],
    env: &[(&str, &str)],
    cwd: Option<&Path>,
) -> (bool, String, String) {
    let mut cmd = Command::new(crate::schalter_bin());
    cmd.args(args)
        .current_dir(cwd.map_or_else(crate::workspace, Path::to_path_buf));
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = tokio::time::timeout(Duration::from_secs(60), cmd.output())
        .await
        .expect("schalter finished within 60 s")
        .expect("run schalter");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Drives `schalter desk` for one clerk: commands in, answers (blocks ending in a blank line)
/// out.
pub struct Desk {
    child: Child,
    stdin: Option<ChildStdin>,
    stdout: BufReader<ChildStdout>,
}

impl Desk {
    pub async fn start(db_url: &str, clerk: &str, env: &[(&str, &str)]) -> (Self, String) {
        let mut child = Command::new(crate::schalter_bin())
            .args(["desk", "--clerk", clerk, "--lang", "de"])
            .current_dir(crate::workspace())
            .env("SCHALTER_DATABASE_URL", db_url)
            .envs(env.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .expect("start schalter desk");
        let stdin = child.stdin.take();
        let stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
        let mut desk = Self {
            child,
            stdin,
            stdout,
        };
        let first = desk.block().await;
        (desk, first)
    }

    /// The next block of output.
    pub async fn block(&mut self) -> String {
        let read = async {
            let mut lines = Vec::new();
            loop {
                let mut line = String::new();
                if self.stdout.read_line(&mut line).await.expect("read desk") == 0 {
                    break;
                }
                let line = line.trim_end_matches(['\n', '\r']).to_owned();
                if line.is_empty() {
                    if lines.is_empty() {
                        continue;
                    }
                    break;
                }
                lines.push(line);
            }
            lines.join("\n")
        };
        tokio::time::timeout(Duration::from_secs(30), read)
            .await
            .expect("schalter desk printed within 30 s")
    }

    /// Sends a command and returns the first block containing `expect`.
    pub async fn command(&mut self, command: &str, expect: &str) -> String {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin
            .write_all(format!("{command}\n").as_bytes())
            .await
            .expect("write desk");
        stdin.flush().await.expect("flush desk");
        loop {
            let block = self.block().await;
            assert!(!block.is_empty(), "desk ended while waiting for {expect:?}");
            if block.contains(expect) {
                return block;
            }
        }
    }

    /// Reads blocks (the desk's own messages, e.g. a payment's line) until one contains
    /// `needle`, and returns it.
    pub async fn wait_for(&mut self, needle: &str) -> String {
        loop {
            let block = self.block().await;
            assert!(!block.is_empty(), "desk ended while waiting for {needle:?}");
            if block.contains(needle) {
                return block;
            }
        }
    }

    /// Every block printed within `wait`: for checking that something does *not* come. A
    /// block that starts before `wait` is over is read whole.
    pub async fn blocks_within(&mut self, wait: Duration) -> Vec<String> {
        let deadline = tokio::time::Instant::now() + wait;
        let mut blocks = Vec::new();
        // `fill_buf` is cancel-safe: a timeout never loses part of a line.
        while let Ok(more) = tokio::time::timeout_at(deadline, self.stdout.fill_buf()).await {
            if more.expect("read desk").is_empty() {
                break;
            }
            blocks.push(self.block().await);
        }
        blocks
    }

    pub async fn finish(mut self) -> std::process::ExitStatus {
        drop(self.stdin.take());
        tokio::time::timeout(Duration::from_secs(30), self.child.wait())
            .await
            .expect("desk exits at end of input")
            .expect("wait for desk")
    }
}
