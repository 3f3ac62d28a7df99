//! A local spool for inputs that arrive while the database cannot take them. matrix-sdk
//! saves its sync position before our handlers run and will not hand the same sync response
//! out twice, so an input that cannot be stored in the inbox is appended here (and synced to
//! disk) instead, and moved into the inbox as soon as the database answers again. The file
//! lives in SCHALTER_MATRIX_STORE beside the crypto store; it holds citizens' messages only
//! until they are in the inbox, then it is emptied. Replicas share the folder (only the
//! leader syncs, but a former leader may still be spooling what it received), so appending
//! and draining also hold an exclusive lock on `inbox-spool.lock` against other processes.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use schalter_core::{ConversationId, Input};
use serde::{Deserialize, Serialize};

/// One input waiting for the database.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Spooled {
    pub key: String,
    pub conversation: String,
    pub input: Input,
    /// The citizen's direct room.
    pub room: String,
}

pub struct Spool {
    path: PathBuf,
    lock_path: PathBuf,
    lock: tokio::sync::Mutex<()>,
}

impl Spool {
    pub fn new(dir: &std::path::Path) -> Self {
        Self {
            path: dir.join("inbox-spool.jsonl"),
            lock_path: dir.join("inbox-spool.lock"),
            lock: tokio::sync::Mutex::new(()),
        }
    }

    /// The lock against other processes, released when the file is dropped. Waiting for it
    /// blocks, so it is taken on the blocking pool.
    async fn lock_files(&self) -> Result<std::fs::File> {
        let path = self.lock_path.clone();
        tokio::task::spawn_blocking(move || -> Result<std::fs::File> {
            let file = std::fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(path)?;
            file.lock()?;
            Ok(file)
        })
        .await?
    }

    /// Appends an input durably.
    pub async fn push(&self, item: &Spooled) -> Result<()> {
        let _guard = self.lock.lock().await;
        let _files = self.lock_files().await?;
        let line = serde_json::to_string(item)? + "\n";
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)?;
        file.write_all(line.as_bytes())?;
        file.sync_data()?;
        Ok(())
    }

    /// Hands every spooled input to `store`, in order; what could not be stored stays.
    /// Returns the conversations that got input.
    pub async fn drain<F, Fut>(&self, mut store: F) -> Result<Vec<ConversationId>>
    where
        F: FnMut(Spooled) -> Fut,
        Fut: Future<Output = Result<ConversationId>>,
    {
        let _guard = self.lock.lock().await;
        let _files = self.lock_files().await?;
        let text = match std::fs::read_to_string(&self.path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e.into()),
        };
        let mut stored = Vec::new();
        let mut left = Vec::new();
        let mut failed = false;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            // A torn last line (a crash while writing it) was never acknowledged: dropped.
            let Ok(item) = serde_json::from_str::<Spooled>(line) else {
                continue;
            };
            if failed {
                left.push(line.to_owned());
                continue;
            }
            match store(item).await {
                Ok(conversation) => stored.push(conversation),
                Err(e) => {
                    tracing::warn!(target: "matrix.spool", error = %e, "spooled input not stored yet");
                    failed = true;
                    left.push(line.to_owned());
                }
            }
        }
        if left.is_empty() {
            std::fs::remove_file(&self.path)?;
        } else {
            let tmp = self.path.with_extension("tmp");
            std::fs::write(&tmp, left.join("\n") + "\n")?;
            std::fs::rename(&tmp, &self.path)?;
        }
        Ok(stored)
    }
}
