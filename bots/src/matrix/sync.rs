//! The sync loop. Our own sync token (not matrix-sdk's) says where the bot is; it moves on
//! only after the handlers stored what a sync brought, and a sync whose inputs could not be
//! stored is repeated from the old token.

use std::sync::atomic::Ordering;
use std::time::Duration;

use anyhow::Result;
use matrix_sdk::Client;
use matrix_sdk::config::SyncSettings;
use schalter_core::Engine;

use super::Bot;
use crate::channel::retry::Backoff;

/// The cursor that keeps our sync token.
const SYNC_CURSOR: &str = "matrix:since";
/// How often a sync whose inputs could not be stored is repeated (with back-off up to a
/// minute: about an hour) before the bot moves on rather than stall every conversation.
const MAX_REPEATS: u32 = 60;

/// How long a sync waits for events, give or take a second (see [`sync_timeout`]).
const SYNC_WAIT: Duration = Duration::from_secs(10);

/// The wait of the next sync request: [`SYNC_WAIT`] plus a few milliseconds that change with
/// every request of this process (starting anywhere, so another process does not repeat this
/// one's). Synapse keeps the response to a `/sync` for two minutes, keyed on the token *and* the
/// wait, and hands it out again to the same request: a sync repeated from our token (a new
/// leader, or inputs that could not be stored) would get the old response, which matrix-sdk
/// drops as already seen, and the events behind our token would be lost.
fn sync_timeout() -> Duration {
    static NEXT: std::sync::OnceLock<std::sync::atomic::AtomicU64> = std::sync::OnceLock::new();
    let next = NEXT.get_or_init(|| {
        // A random start per process (std's hasher keys are random), not the clock's.
        use std::hash::BuildHasher;
        let seed = std::collections::hash_map::RandomState::new().hash_one(std::process::id());
        std::sync::atomic::AtomicU64::new(seed)
    });
    SYNC_WAIT + Duration::from_millis(next.fetch_add(1, Ordering::Relaxed) % 1000)
}

/// The very first sync of a new login: its token is kept, its events are not answered.
pub(super) async fn catch_up(client: &Client, engine: &Engine) -> Result<()> {
    let mut backoff = Backoff::new(Duration::from_secs(60));
    loop {
        match client.sync_once(SyncSettings::default()).await {
            Ok(response) => {
                engine
                    .channel_state()
                    .set_cursor(SYNC_CURSOR, &response.next_batch)
                    .await?;
                return Ok(());
            }
            Err(e) => {
                tracing::warn!(target: "matrix", error = %e, "initial sync failed, retrying");
                backoff.wait().await;
            }
        }
    }
}

impl Bot {
    /// Syncs until an error the SDK cannot recover from. Our token moves on only after the
    /// handlers stored what the sync brought.
    pub(super) async fn sync_loop(&self) -> Result<()> {
        self.engine().office().metrics().poll_started("matrix");
        let state = self.engine().channel_state();
        let mut backoff = Backoff::new(Duration::from_secs(60));
        // How often the current sync was repeated because inputs could not be stored.
        let mut repeats = 0;
        loop {
            let mut settings = SyncSettings::default().timeout(sync_timeout());
            if let Some(token) = state.cursor(SYNC_CURSOR).await? {
                settings = settings.token(token);
            }
            self.drain_spool().await;
            self.unsaved.store(false, Ordering::SeqCst);
            match self.client.sync_once(settings).await {
                Ok(response) => {
                    self.engine().office().metrics().polled("matrix");
                    if self.unsaved.load(Ordering::SeqCst) && repeats < MAX_REPEATS {
                        // The same events come again with the old token (once the stream
                        // has moved on, see `nudge`).
                        repeats += 1;
                        tracing::warn!(target: "matrix", repeats, "inputs not stored, syncing them again");
                        backoff.wait().await;
                        if let Err(e) = self.nudge().await {
                            tracing::warn!(target: "matrix", error = %e, "could not move the sync stream on");
                        }
                        continue;
                    }
                    if repeats == MAX_REPEATS {
                        tracing::error!(target: "matrix", "inputs of one sync could not be stored; moving on");
                    }
                    repeats = 0;
                    match state.set_cursor(SYNC_CURSOR, &response.next_batch).await {
                        Ok(()) => backoff.reset(),
                        Err(e) => {
                            tracing::warn!(target: "matrix", error = %e, "sync token not stored");
                            backoff.wait().await;
                        }
                    }
                }
                Err(e) => {
                    tracing::warn!(target: "matrix", error = %e, "sync failed, retrying");
                    backoff.wait().await;
                }
            }
        }
    }

    /// Moves the homeserver's sync stream on (a private account-data event of the bot).
    /// matrix-sdk drops a sync response whose `next_batch` equals the token it saw last, even
    /// when we synced from our own older token to get events again whose inputs could not be
    /// stored (or were not, because the process died after the SDK saved its token): once the
    /// stream has moved, the response differs and its events reach the handlers again.
    pub(super) async fn nudge(&self) -> Result<()> {
        let content = serde_json::value::to_raw_value(&serde_json::json!({
            "at": schalter_core::reference::secret_token()
        }))?;
        self.client
            .account()
            .set_account_data_raw(
                "org.schalter.sync".into(),
                matrix_sdk::ruma::serde::Raw::from_json(content),
            )
            .await?;
        Ok(())
    }
}
