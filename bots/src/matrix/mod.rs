//! The Matrix channel on matrix-sdk: citizens in (encrypted) direct chats, the clerks' desk
//! room, video rooms for calls.
//!
//! The bot logs in with a password once; the session and the SQLite state and crypto store live
//! in SCHALTER_MATRIX_STORE, so a restart restores the same device (and its keys). The first
//! sync after start only catches up: messages from before a restart are not answered.
//! A message's event id is its input key, stored with the dialogue state and the reply, so an
//! event seen twice neither acts nor answers twice.

mod video;

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use matrix_sdk::authentication::matrix::MatrixSession;
use matrix_sdk::config::SyncSettings;
use matrix_sdk::ruma::events::room::member::StrippedRoomMemberEvent;
use matrix_sdk::ruma::events::room::message::{
    MessageType, OriginalSyncRoomMessageEvent, Relation, ReplacementMetadata,
    RoomMessageEventContent,
};
use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId, OwnedUserId, RoomId, RoomOrAliasId};
use matrix_sdk::{Client, Room, RoomState};
use schalter_core::queue::{Message, WAITING_ROOM_SLOT};
use schalter_core::timers::AGENDA_CONVERSATION;
use schalter_core::{Engine, Input, Lang, Reply};

use crate::config::Config;
use crate::desk;
use video::Conference;

const LEADER: &str = "matrix";
/// The desk room's live queue message in `channel_messages`.
const DESK_CONVERSATION: &str = "matrix-desk";
/// Language of the desk room.
const DESK_LANG: Lang = Lang::De;

#[derive(Clone)]
struct Bot {
    client: Client,
    engine: Arc<Engine>,
    config: Arc<Config>,
    desk: OwnedRoomId,
    clerks: Arc<Vec<OwnedUserId>>,
}

/// Runs the Matrix channel until the process ends; one replica at a time (the leader).
pub async fn run(config: Config, engine: Arc<Engine>) -> Result<()> {
    loop {
        match engine.store().try_lead(LEADER).await {
            Ok(Some(leadership)) => {
                let result = lead(&config, engine.clone()).await;
                drop(leadership);
                if let Err(e) = result {
                    tracing::warn!(target: "matrix", error = %e, "Matrix channel stopped, restarting");
                }
            }
            Ok(None) => {}
            Err(e) => tracing::warn!(target: "matrix", error = %e, "leader election failed"),
        }
        tokio::time::sleep(Duration::from_secs(5)).await;
    }
}

/// Logs in, or restores the stored session (`true`: same device, same keys, and a sync token
/// to continue from).
async fn login(config: &Config) -> Result<(Client, bool)> {
    let homeserver = config
        .matrix_homeserver
        .as_deref()
        .context("SCHALTER_MATRIX_HOMESERVER")?;
    let store = &config.matrix_store;
    std::fs::create_dir_all(store).with_context(|| format!("cannot create {}", store.display()))?;
    let session_file = store.join("session.json");
    let client = Client::builder()
        .homeserver_url(homeserver)
        .sqlite_store(store.join("sdk"), None)
        .build()
        .await
        .context("cannot reach the Matrix homeserver")?;
    if session_file.exists() {
        let text = std::fs::read_to_string(&session_file)?;
        let session: MatrixSession =
            serde_json::from_str(&text).context("session.json is unreadable")?;
        client
            .restore_session(session)
            .await
            .context("cannot restore the Matrix session")?;
        return Ok((client, true));
    }
    let (Some(user), Some(password)) = (&config.matrix_user, &config.matrix_password) else {
        bail!("SCHALTER_MATRIX_USER and SCHALTER_MATRIX_PASSWORD are needed for the first login");
    };
    client
        .matrix_auth()
        .login_username(user, password)
        .initial_device_display_name("Schalter")
        .await
        .context("Matrix login failed")?;
    let session = client
        .matrix_auth()
        .session()
        .context("no session after login")?;
    write_private(&session_file, &serde_json::to_string(&session)?)?;
    Ok((client, false))
}

/// Writes a secret file readable by its owner only.
fn write_private(path: &Path, text: &str) -> Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .truncate(true)
        .write(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(text.as_bytes())?;
    Ok(())
}

async fn lead(config: &Config, engine: Arc<Engine>) -> Result<()> {
    let (client, restored) = login(config).await?;
    // On the very first start, catch up without answering: the backlog is not for us. After
    // a restart the stored sync token continues where the last run stopped, so messages sent
    // meanwhile are answered (and those already answered are recognised by their event id).
    if !restored {
        let mut backoff = Duration::from_secs(1);
        while let Err(e) = client.sync_once(SyncSettings::default()).await {
            tracing::warn!(target: "matrix", error = %e, "initial sync failed, retrying");
            tokio::time::sleep(backoff).await;
            backoff = (backoff * 2).min(Duration::from_secs(60));
        }
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
    let bot = Bot {
        client: client.clone(),
        engine,
        config: Arc::new(config.clone()),
        desk,
        clerks: Arc::new(clerks),
    };

    client.add_event_handler(on_invite);
    {
        let bot = bot.clone();
        client.add_event_handler(move |ev: OriginalSyncRoomMessageEvent, room: Room| {
            let bot = bot.clone();
            async move {
                if let Err(e) = bot.on_message(ev, room).await {
                    tracing::warn!(target: "matrix.message", error = %e, "message failed");
                }
            }
        });
    }
    let outbox = {
        let bot = bot.clone();
        tokio::spawn(async move { bot.outbox().await })
    };
    // Sync until the process ends; an unreachable homeserver means waiting and resuming
    // from the stored sync token, so no event is lost.
    let mut backoff = Duration::from_secs(1);
    loop {
        match client.sync(SyncSettings::default()).await {
            Ok(()) => backoff = Duration::from_secs(1),
            Err(e) => {
                tracing::warn!(target: "matrix", error = %e, "sync failed, retrying");
                tokio::time::sleep(backoff).await;
                backoff = (backoff * 2).min(Duration::from_secs(60));
            }
        }
        if outbox.is_finished() {
            bail!("the Matrix outbox stopped");
        }
    }
}

/// Invitations are accepted, with retries: Synapse may not be ready for the join yet.
async fn on_invite(ev: StrippedRoomMemberEvent, room: Room, client: Client) {
    if Some(ev.state_key.as_ref()) != client.user_id() {
        return;
    }
    tokio::spawn(async move {
        let mut delay = Duration::from_secs(1);
        while let Err(e) = room.join().await {
            tracing::debug!(target: "matrix", error = %e, "join failed, retrying");
            tokio::time::sleep(delay).await;
            delay *= 2;
            if delay > Duration::from_secs(3600) {
                tracing::warn!(target: "matrix", "gave up joining a room");
                return;
            }
        }
    });
}

/// A reply as Matrix text: options as numbered lines (Matrix has no buttons).
fn render(reply: &Reply) -> String {
    let mut text = reply.text.clone();
    if !reply.options.is_empty() {
        text.push('\n');
        for (i, o) in reply.options.iter().enumerate() {
            text.push_str(&format!("\n[{}] {}", i + 1, o.label));
        }
    }
    text
}

impl Bot {
    async fn on_message(&self, ev: OriginalSyncRoomMessageEvent, room: Room) -> Result<()> {
        if Some(ev.sender.as_ref()) == self.client.user_id() || room.state() != RoomState::Joined {
            return Ok(());
        }
        let edited = matches!(ev.content.relates_to, Some(Relation::Replacement(_)));
        if room.room_id() == self.desk {
            if let MessageType::Text(t) = &ev.content.msgtype
                && !edited
            {
                self.on_desk_command(&ev.sender, &t.body).await?;
            }
            return Ok(());
        }
        let input = match (&ev.content.msgtype, edited) {
            (_, true) => Input::Edited,
            (MessageType::Text(t), false) => Input::Text(t.body.clone()),
            (MessageType::Notice(_), false) => return Ok(()),
            _ => Input::Media,
        };
        let conversation = format!("matrix:{}", room.room_id());
        let key = ev.event_id.to_string();
        let keyed = self
            .engine
            .handle_keyed(&conversation, Some(&key), None, input)
            .await?;
        if !keyed.sent {
            room.send(RoomMessageEventContent::text_plain(render(&keyed.reply)))
                .await?;
            self.engine
                .store()
                .mark_reply_sent(&conversation, &key)
                .await?;
        }
        Ok(())
    }

    async fn on_desk_command(&self, sender: &matrix_sdk::ruma::UserId, body: &str) -> Result<()> {
        // Only `!commands` are for the bot; clerks may talk among themselves.
        if !body.trim_start().starts_with('!') {
            return Ok(());
        }
        let Some(command) = desk::Command::parse(body) else {
            return Ok(());
        };
        let desk_room = self.client.get_room(&self.desk).context("desk room")?;
        let i18n = self.engine.i18n();
        if !self.clerks.iter().any(|c| c == sender) {
            let text = i18n.msg(
                DESK_LANG,
                "desk-not-clerk",
                &schalter_core::fargs!["clerk" => sender.to_string()],
            );
            desk_room
                .send(RoomMessageEventContent::text_plain(text))
                .await?;
            return Ok(());
        }
        let mut conference = Conference::plan(
            &self.config.video_provider,
            self.config.video_base_url.as_deref(),
        );
        // An Element Call guest link names the room, so that room exists before the pick.
        let picking = matches!(command, desk::Command::Next | desk::Command::Take(_));
        let mut prepared = None;
        if let Some(c) = conference
            .as_mut()
            .filter(|c| c.needs_room_first() && picking)
        {
            let room = c.create_room(&self.client, "Schalter", Vec::new()).await?;
            c.link = format!("{}?roomId={room}", c.link);
            prepared = Some(room);
        }
        let answer = desk::execute(
            &self.engine,
            sender.as_str(),
            DESK_LANG,
            command,
            conference.as_ref().map(|c| c.link.as_str()),
        )
        .await?;
        desk_room
            .send(RoomMessageEventContent::text_plain(answer.text))
            .await?;
        let picked_someone = answer.picked.is_some();
        if let (Some(entry), Some(conference)) = (answer.picked, conference) {
            let title = format!(
                "Schalter {}",
                entry.reference.as_deref().unwrap_or_default()
            );
            let mut invite = vec![sender.to_owned()];
            // A citizen on Matrix is invited too (and gets the link).
            if let Some(room) = entry.conversation_id.strip_prefix("matrix:")
                && let Ok(room_id) = <&RoomId>::try_from(room)
                && let Some(dm) = self.client.get_room(room_id)
            {
                for member in dm.joined_user_ids().await.unwrap_or_default() {
                    if Some(member.as_ref()) != self.client.user_id() {
                        invite.push(member);
                    }
                }
            }
            let room_id = match &prepared {
                Some(room_id) => {
                    let room = self
                        .client
                        .get_room(room_id)
                        .context("prepared video room")?;
                    room.set_name(title).await?;
                    for user in &invite {
                        room.invite_user_by_id(user).await?;
                    }
                    room_id.clone()
                }
                None => conference.create_room(&self.client, &title, invite).await?,
            };
            self.engine
                .store()
                .set_channel_message(&format!("video:{}", entry.id), "room", room_id.as_str())
                .await?;
        }
        if !picked_someone && let Some(room) = prepared.and_then(|r| self.client.get_room(&r)) {
            // Nobody was picked: the prepared room is not needed.
            let _ = room.leave().await;
        }
        if let Some(entry) = answer.finished {
            self.close_video_room(&entry.id).await;
        }
        Ok(())
    }

    /// After a call the video room is closed for good: everyone is removed, then the bot
    /// leaves, so nobody can use the room or its link again.
    async fn close_video_room(&self, entry_id: &str) {
        let store = self.engine.store();
        let Ok(Some(room_id)) = store
            .channel_message(&format!("video:{entry_id}"), "room")
            .await
        else {
            return;
        };
        let Some(room) = OwnedRoomId::try_from(room_id.as_str())
            .ok()
            .and_then(|id| self.client.get_room(&id))
        else {
            return;
        };
        for member in room.joined_user_ids().await.unwrap_or_default() {
            if Some(member.as_ref()) != self.client.user_id()
                && let Err(e) = room.kick_user(&member, Some("call ended")).await
            {
                tracing::warn!(target: "matrix.video", error = %e, "could not remove a member");
            }
        }
        if let Err(e) = room.leave().await {
            tracing::warn!(target: "matrix.video", error = %e, "could not leave the video room");
        }
    }

    /// Delivers the core's messages to Matrix rooms and keeps the desk's live queue message
    /// up to date (edited in place).
    async fn outbox(&self) {
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        let mut last_queue = String::new();
        loop {
            tick.tick().await;
            if let Err(e) = self.deliver().await {
                tracing::warn!(target: "matrix.outbox", error = %e, "delivery failed, will retry");
            }
            match desk::queue_text(&self.engine, DESK_LANG).await {
                Ok(text) if text != last_queue => match self.show_queue(&text).await {
                    Ok(()) => last_queue = text,
                    Err(e) => {
                        tracing::warn!(target: "matrix.outbox", error = %e, "queue message failed")
                    }
                },
                Ok(_) => {}
                Err(e) => tracing::warn!(target: "matrix.outbox", error = %e, "queue view failed"),
            }
        }
    }

    async fn show_queue(&self, text: &str) -> Result<()> {
        let room = self.client.get_room(&self.desk).context("desk room")?;
        let store = self.engine.store();
        let content = RoomMessageEventContent::text_plain(text);
        if let Some(id) = store.channel_message(DESK_CONVERSATION, "queue").await?
            && let Ok(event_id) = OwnedEventId::try_from(id.as_str())
        {
            let edit = content.make_replacement(ReplacementMetadata::new(event_id, None));
            room.send(edit).await?;
            return Ok(());
        }
        let sent = room.send(content).await?;
        store
            .set_channel_message(DESK_CONVERSATION, "queue", sent.response.event_id.as_str())
            .await?;
        Ok(())
    }

    async fn deliver(&self) -> Result<()> {
        let store = self.engine.store();
        let mut pending = store.pending_notifications("matrix:", 50).await?;
        pending.extend(store.pending_notifications(AGENDA_CONVERSATION, 5).await?);
        for n in pending {
            let Ok(message) = serde_json::from_str::<Message>(&n.body) else {
                store.mark_delivered(&n.id, n.version).await?;
                continue;
            };
            let room_id = if n.conversation_id == AGENDA_CONVERSATION {
                Some(self.desk.clone())
            } else {
                n.conversation_id
                    .strip_prefix("matrix:")
                    .and_then(|r| OwnedRoomId::try_from(r).ok())
            };
            let Some(room) = room_id.and_then(|r| self.client.get_room(&r)) else {
                store.mark_delivered(&n.id, n.version).await?;
                continue;
            };
            let mut text = message.text.clone();
            if let Some(link) = &message.link
                && !text.contains(&link.url)
            {
                text.push_str(&format!("\n{}: {}", link.label, link.url));
            }
            let content = RoomMessageEventContent::text_plain(text);
            // Only the waiting-room message is edited in place.
            let slot = n.slot.as_deref().filter(|s| *s == WAITING_ROOM_SLOT);
            let existing = match slot {
                Some(slot) => store.channel_message(&n.conversation_id, slot).await?,
                None => None,
            };
            match existing.and_then(|id| OwnedEventId::try_from(id.as_str()).ok()) {
                Some(event_id) => {
                    room.send(content.make_replacement(ReplacementMetadata::new(event_id, None)))
                        .await?;
                }
                None => {
                    let sent = room.send(content).await?;
                    if let Some(slot) = slot {
                        store
                            .set_channel_message(
                                &n.conversation_id,
                                slot,
                                sent.response.event_id.as_str(),
                            )
                            .await?;
                    }
                }
            }
            store.mark_delivered(&n.id, n.version).await?;
        }
        Ok(())
    }
}
