//! The Matrix channel on matrix-sdk: citizens in (encrypted) direct chats, the clerks' desk
//! room, video rooms for calls.
//!
//! The bot logs in with a password once; the session and the SQLite state and crypto store live
//! in SCHALTER_MATRIX_STORE, so a restart restores the same device (and its keys). The first
//! sync after the very first login only catches up: messages from before are not answered.
//!
//! Only a direct chat of one person with the bot is a citizen's conversation, keyed on that
//! person (`matrix:@user:server`); in any other room the bot says once to write it directly,
//! and leaves. Inputs go through the shared inbox, keyed on the event id; the sync token is
//! kept by us and saved only after the sync's inputs are stored, so a crash or a failing
//! database in between means the events come again rather than being lost.
//!
//! Here the bot is set up and its tasks started; `session.rs` logs in, `sync.rs` keeps the
//! sync going, `inputs.rs` takes in what rooms bring, `send.rs` delivers the outbox,
//! `desk_room.rs` serves the clerks.

mod desk_room;
mod errors;
mod inputs;
mod media;
mod render;
mod send;
mod session;
mod spool;
mod sync;
mod video;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, Result};
use matrix_sdk::ruma::events::room::encrypted::OriginalSyncRoomEncryptedEvent;
use matrix_sdk::ruma::events::room::member::OriginalSyncRoomMemberEvent;
use matrix_sdk::ruma::events::room::message::OriginalSyncRoomMessageEvent;
use matrix_sdk::ruma::{OwnedRoomId, OwnedUserId, RoomId, RoomOrAliasId};
use matrix_sdk::{Client, Room, RoomState};
use schalter_core::{Engine, Lang};

use crate::channel::inbound::Inbound;
use crate::channel::leader;
use crate::channel::outbox::{self, Wake};
use crate::config::Config;

const LEADER: &str = "matrix";
/// The slot of a citizen's conversation that holds their direct room.
const DM_SLOT: &str = "dm";
/// Language of the desk room.
const DESK_LANG: Lang = Lang::De;

#[derive(Clone)]
struct Bot {
    client: Client,
    inbound: Arc<Inbound>,
    config: Arc<Config>,
    desk: OwnedRoomId,
    clerks: Arc<Vec<OwnedUserId>>,
    /// Set when an input of the current sync could not be stored: its token is not saved.
    unsaved: Arc<AtomicBool>,
    /// Inputs that arrived while the database could not take them.
    spool: Arc<spool::Spool>,
    /// The hosted-payment provider, if one is configured.
    provider: Option<crate::payments::Provider>,
    /// Rooms whose conversation from before person keys was looked for.
    adopted: Arc<std::sync::Mutex<std::collections::HashSet<OwnedRoomId>>>,
}

/// Runs the Matrix channel until the process ends; one replica at a time (the leader).
pub async fn run(config: Config, inbound: Arc<Inbound>, wake: Wake) -> Result<()> {
    let engine = inbound.engine().clone();
    leader::lead(&engine, LEADER, || {
        lead(&config, inbound.clone(), wake.clone())
    })
    .await;
    Ok(())
}

async fn lead(config: &Config, inbound: Arc<Inbound>, wake: Wake) -> Result<()> {
    let engine = inbound.engine().clone();
    let (client, restored) = session::login(config).await?;
    // On the very first start, catch up without answering: the backlog is not for us.
    if !restored {
        sync::catch_up(&client, &engine).await?;
    }
    let desk_ref = config
        .matrix_clerk_room
        .as_deref()
        .context("SCHALTER_MATRIX_CLERK_ROOM")?;
    let desk_id = RoomOrAliasId::parse(desk_ref)
        .context("SCHALTER_MATRIX_CLERK_ROOM is no room id or alias")?;
    let desk_id: &RoomOrAliasId = &desk_id;
    let desk = match <&RoomId>::try_from(desk_id) {
        Ok(id) => id.to_owned(),
        Err(alias) => client.resolve_room_alias(alias).await?.room_id,
    };
    if client
        .get_room(&desk)
        .is_none_or(|r| r.state() != RoomState::Joined)
    {
        client
            .join_room_by_id(&desk)
            .await
            .context("cannot join the clerks' desk room")?;
    }
    let clerks = config
        .matrix_clerks
        .iter()
        .filter_map(|c| OwnedUserId::try_from(c.as_str()).ok())
        .collect();
    inbound.fetch_files_with(
        schalter_core::ChannelKind::Matrix,
        Arc::new(media::MatrixFiles(client.clone())),
    );
    let bot = Bot {
        client: client.clone(),
        inbound,
        config: Arc::new(config.clone()),
        desk,
        clerks: Arc::new(clerks),
        unsaved: Arc::default(),
        adopted: Arc::default(),
        provider: crate::payments::provider(config.payment.as_ref()),
        spool: Arc::new(spool::Spool::new(&config.matrix_store)),
    };

    client.add_event_handler(inputs::on_invite);
    {
        let bot = bot.clone();
        client.add_event_handler(move |ev: OriginalSyncRoomMessageEvent, room: Room| {
            let bot = bot.clone();
            async move {
                if let Err(e) = bot.on_message(ev, room).await {
                    bot.unsaved.store(true, Ordering::SeqCst);
                    tracing::warn!(target: "matrix.message", error = %e, "message not taken in");
                }
            }
        });
    }
    {
        let bot = bot.clone();
        client.add_event_handler(move |ev: OriginalSyncRoomEncryptedEvent, room: Room| {
            let bot = bot.clone();
            async move {
                if let Err(e) = bot.on_undecryptable(ev, room).await {
                    bot.unsaved.store(true, Ordering::SeqCst);
                    tracing::warn!(target: "matrix.message", error = %e, "message not taken in");
                }
            }
        });
    }
    {
        let bot = bot.clone();
        client.add_event_handler(move |ev: OriginalSyncRoomMemberEvent, room: Room| {
            let bot = bot.clone();
            async move { bot.on_member(ev, room).await }
        });
    }
    // A process that died after the SDK saved its sync token but before the inputs were
    // stored left events behind our token: make sure they come again.
    if restored && let Err(e) = bot.nudge().await {
        tracing::warn!(target: "matrix", error = %e, "could not move the sync stream on");
    }
    let channel = Arc::new(bot.clone());
    tokio::select! {
        result = bot.sync_loop() => result,
        () = outbox::run(channel, engine.clone(), wake) => Ok(()),
        () = bot.keep_desk_alive() => Ok(()),
        () = bot.show_queue_loop() => Ok(()),
    }
}

impl Bot {
    fn engine(&self) -> &Arc<Engine> {
        self.inbound.engine()
    }

    fn is_bot(&self, user: &matrix_sdk::ruma::UserId) -> bool {
        Some(user) == self.client.user_id()
    }
}
