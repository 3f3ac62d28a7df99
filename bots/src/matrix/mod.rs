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

mod desk_room;
mod errors;
mod render;
mod spool;
mod video;

use crate::channel::lock;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use matrix_sdk::authentication::matrix::MatrixSession;
use matrix_sdk::config::SyncSettings;
use matrix_sdk::ruma::events::room::encrypted::OriginalSyncRoomEncryptedEvent;
use matrix_sdk::ruma::events::room::member::{
    MembershipState, OriginalSyncRoomMemberEvent, StrippedRoomMemberEvent,
};
use matrix_sdk::ruma::events::room::message::{
    MessageType, OriginalSyncRoomMessageEvent, Relation, ReplacementMetadata,
    RoomMessageEventContent,
};
use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId, OwnedUserId, RoomId, RoomOrAliasId};
use matrix_sdk::{Client, Room, RoomMemberships, RoomState};
use schalter_core::{Capabilities, ChannelKind, ConversationId, Engine, Input, Lang};

use crate::channel::inbound::Inbound;
use crate::channel::outbox::{self, Wake};
use crate::channel::retry::Backoff;
use crate::channel::{Channel, Delivery, SendError, Sent, leader};
use crate::config::Config;
use errors::{classify, send_config};

const LEADER: &str = "matrix";
/// Our sync token in `channel_cursors`.
const SYNC_CURSOR: &str = "matrix:since";
/// The outbox slot that remembers a citizen's direct room (in `channel_messages`).
const DM_SLOT: &str = "dm";
/// Language of the desk room.
const DESK_LANG: Lang = Lang::De;
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
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| {
                u64::from(d.subsec_nanos()) ^ u64::from(std::process::id())
            });
        std::sync::atomic::AtomicU64::new(seed)
    });
    SYNC_WAIT + Duration::from_millis(next.fetch_add(1, Ordering::Relaxed) % 1000)
}

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
        .sqlite_store(store.join("sdk"), config.matrix_store_passphrase.as_deref())
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

async fn lead(config: &Config, inbound: Arc<Inbound>, wake: Wake) -> Result<()> {
    let engine = inbound.engine().clone();
    let store = engine.store().clone();
    let (client, restored) = login(config).await?;
    // On the very first start, catch up without answering: the backlog is not for us.
    if !restored {
        let mut backoff = Backoff::new(Duration::from_secs(60));
        loop {
            match client.sync_once(SyncSettings::default()).await {
                Ok(response) => {
                    store
                        .set_cursor_token(SYNC_CURSOR, &response.next_batch)
                        .await?;
                    break;
                }
                Err(e) => {
                    tracing::warn!(target: "matrix", error = %e, "initial sync failed, retrying");
                    backoff.wait().await;
                }
            }
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
        inbound,
        config: Arc::new(config.clone()),
        desk,
        clerks: Arc::new(clerks),
        unsaved: Arc::default(),
        adopted: Arc::default(),
        provider: crate::payments::provider(config.payment.as_ref()),
        spool: Arc::new(spool::Spool::new(&config.matrix_store)),
    };

    client.add_event_handler(on_invite);
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

/// A language for a room we know nothing about, from the script and letters of what was
/// written there.
fn guess_lang(text: &str) -> Lang {
    let has = |f: fn(char) -> bool| text.chars().any(f);
    if has(|c| "پچژگکی".contains(c)) {
        Lang::Fa
    } else if has(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
        Lang::Ar
    } else if has(|c| "іїєґІЇЄҐ".contains(c)) {
        Lang::Uk
    } else if has(|c| ('\u{0400}'..='\u{04FF}').contains(&c)) {
        Lang::Ru
    } else if has(|c| "ğışĞİŞ".contains(c)) {
        Lang::Tr
    } else if has(|c| "ąćęłńśźżĄĆĘŁŃŚŹŻ".contains(c)) {
        Lang::Pl
    } else if has(|c| "ăâîșțşţĂÂÎȘȚŞŢ".contains(c)) {
        Lang::Ro
    } else if has(|c| "ñ¿¡Ñ".contains(c)) {
        Lang::Es
    } else if has(|c| "çœêëèÇŒÊË".contains(c)) {
        Lang::Fr
    } else if has(|c| "äöüßÄÖÜ".contains(c))
        || text.split_whitespace().any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "hallo" | "ich" | "bitte" | "termin"
            )
        })
    {
        Lang::De
    } else {
        Lang::En
    }
}

impl Bot {
    fn engine(&self) -> &Arc<Engine> {
        self.inbound.engine()
    }

    fn is_bot(&self, user: &matrix_sdk::ruma::UserId) -> bool {
        Some(user) == self.client.user_id()
    }

    /// Syncs until an error the SDK cannot recover from. Our token moves on only after the
    /// handlers stored what the sync brought.
    async fn sync_loop(&self) -> Result<()> {
        let store = self.engine().store();
        let mut backoff = Backoff::new(Duration::from_secs(60));
        // How often the current sync was repeated because inputs could not be stored.
        let mut repeats = 0;
        loop {
            let mut settings = SyncSettings::default().timeout(sync_timeout());
            if let Some(token) = store.cursor_token(SYNC_CURSOR).await? {
                settings = settings.token(token);
            }
            self.drain_spool().await;
            self.unsaved.store(false, Ordering::SeqCst);
            match self.client.sync_once(settings).await {
                Ok(response) => {
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
                    match store
                        .set_cursor_token(SYNC_CURSOR, &response.next_batch)
                        .await
                    {
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
    async fn nudge(&self) -> Result<()> {
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

    /// Whether `room` is a direct chat of exactly one person with the bot: no room type, and
    /// nobody else joined or invited. (The member counts of the sync summary are not used:
    /// Synapse sends them only with lazy-loaded members.)
    async fn is_one_to_one(room: &Room) -> Result<bool> {
        if room.room_type().is_some() {
            return Ok(false);
        }
        let members = room
            .members(RoomMemberships::JOIN | RoomMemberships::INVITE)
            .await?;
        Ok(members.len() <= 2)
    }

    async fn on_message(&self, ev: OriginalSyncRoomMessageEvent, room: Room) -> Result<()> {
        if self.is_bot(&ev.sender) || room.state() != RoomState::Joined {
            return Ok(());
        }
        let edited = matches!(ev.content.relates_to, Some(Relation::Replacement(_)));
        if room.room_id() == self.desk {
            if let MessageType::Text(t) = &ev.content.msgtype
                && !edited
            {
                self.on_desk_command(&ev.event_id, &ev.sender, &t.body)
                    .await?;
            }
            return Ok(());
        }
        // Video rooms are the clerk's and the citizen's; the bot has nothing to say there.
        if room.room_type().is_some() {
            return Ok(());
        }
        let input = match (&ev.content.msgtype, edited) {
            (_, true) => Input::Edited,
            (MessageType::Text(t), false) => Input::Text(t.body.clone()),
            (MessageType::Notice(_), false) => return Ok(()),
            _ => Input::Media,
        };
        self.take_input(&ev.event_id, &ev.sender, room, input).await
    }

    /// A message whose key we do not have (matrix-sdk hands over such events as they came,
    /// `m.room.encrypted`). E.g. a process killed while matrix-sdk stored a citizen's new
    /// session can lose that session's key; the citizen is asked to send it again (their
    /// client shares the key anew once the broken session is replaced).
    async fn on_undecryptable(&self, ev: OriginalSyncRoomEncryptedEvent, room: Room) -> Result<()> {
        if self.is_bot(&ev.sender)
            || room.state() != RoomState::Joined
            || room.room_id() == self.desk
            || room.room_type().is_some()
        {
            return Ok(());
        }
        tracing::warn!(target: "matrix", event = %ev.event_id, "a message could not be decrypted");
        self.take_input(&ev.event_id, &ev.sender, room, Input::Undecryptable)
            .await
    }

    /// Keeps a citizen's input from their direct room (or answers a group room once).
    async fn take_input(
        &self,
        event_id: &matrix_sdk::ruma::EventId,
        sender: &matrix_sdk::ruma::UserId,
        room: Room,
        input: Input,
    ) -> Result<()> {
        if !Self::is_one_to_one(&room).await? {
            let text = match &input {
                Input::Text(t) => t.as_str(),
                _ => "",
            };
            // Not an input to keep: a failure here is logged, not synced again.
            if let Err(e) = self.refuse_group(&room, guess_lang(text)).await {
                tracing::warn!(target: "matrix", error = %e, "could not refuse a group room");
            }
            return Ok(());
        }
        let conversation = ConversationId::new(ChannelKind::Matrix, sender.to_string());
        let item = spool::Spooled {
            key: format!("matrix:{event_id}"),
            conversation: conversation.to_string(),
            input,
            room: room.room_id().to_string(),
        };
        // On a task of its own: if this process stops leading while the database is slow,
        // the sync is dropped, but the input is still stored (or spooled) to the end.
        let bot = self.clone();
        tokio::spawn(async move {
            if let Err(e) = bot.adopt_room_conversation(&room, &conversation).await {
                tracing::warn!(target: "matrix", error = %e, "could not look for a room's conversation");
            }
            match bot.take_in(item.clone()).await {
                Ok(conversation) => {
                    bot.inbound.dispatch(&conversation);
                    Ok(())
                }
                // The database cannot take it now: kept on disk until it can.
                Err(e) => {
                    tracing::warn!(target: "matrix", error = %e, "input spooled until the database answers");
                    bot.spool.push(&item).await
                }
            }
        })
        .await??;
        Ok(())
    }

    /// Stores an input in the inbox and remembers the citizen's direct room.
    async fn take_in(&self, item: spool::Spooled) -> Result<ConversationId> {
        let conversation = ConversationId::parse(&item.conversation)?;
        self.inbound
            .receive(&item.key, &conversation, &item.input, None)
            .await?;
        self.engine()
            .store()
            .set_channel_message(&item.conversation, DM_SLOT, &item.room)
            .await?;
        Ok(conversation)
    }

    /// Moves spooled inputs into the inbox.
    async fn drain_spool(&self) {
        match self.spool.drain(|item| self.take_in(item)).await {
            Ok(conversations) => {
                for c in conversations {
                    self.inbound.dispatch(&c);
                }
            }
            Err(e) => tracing::warn!(target: "matrix.spool", error = %e, "spool not drained"),
        }
    }

    /// Before migration 0006 conversations were keyed on the direct room; the first message
    /// after the upgrade moves such a conversation (state, bookings, queue, messages) to its
    /// person. Checked once per room and process.
    async fn adopt_room_conversation(&self, room: &Room, to: &ConversationId) -> Result<()> {
        if !lock(&self.adopted).insert(room.room_id().to_owned()) {
            return Ok(());
        }
        let from = ConversationId::new(ChannelKind::Matrix, room.room_id().to_string());
        let moved = self
            .engine()
            .store()
            .rename_conversation(&from.to_string(), &to.to_string())
            .await;
        match moved {
            Ok(true) => {
                tracing::info!(target: "matrix", "a room's conversation moved to its person")
            }
            Ok(false) => {}
            Err(e) => {
                lock(&self.adopted).remove(room.room_id());
                return Err(e.into());
            }
        }
        Ok(())
    }

    /// A room that is not one person's direct chat: say once where the bot works, and leave.
    async fn refuse_group(&self, room: &Room, lang: Lang) -> Result<()> {
        let engine = self.engine();
        let once = engine
            .store()
            .record_handled(
                &format!("matrix:group:{}", room.room_id()),
                &format!("matrix:{}", room.room_id()),
                engine.clock().now(),
            )
            .await?;
        if once {
            let text = engine.i18n().text(lang, "private-only");
            room.send(RoomMessageEventContent::text_plain(text)).await?;
        }
        room.leave().await?;
        Ok(())
    }

    /// A citizen who leaves their direct chat is gone from it: the bot leaves too, so that
    /// messages to them are given up instead of sent into an empty room.
    async fn on_member(&self, ev: OriginalSyncRoomMemberEvent, room: Room) {
        if room.room_id() == self.desk
            || room.room_type().is_some()
            || room.state() != RoomState::Joined
            || self.is_bot(&ev.state_key)
        {
            return;
        }
        // A third person in a direct chat makes it a group: answered at the next message,
        // in the language it is written in.
        if matches!(
            ev.content.membership,
            MembershipState::Leave | MembershipState::Ban
        ) && let Err(e) = room.leave().await
        {
            tracing::warn!(target: "matrix", error = %e, "could not leave a room");
        }
    }

    /// The room a conversation's messages go to.
    async fn room_of(&self, to: &ConversationId) -> Result<Room, SendError> {
        if to.channel == ChannelKind::Desk {
            return self
                .client
                .get_room(&self.desk)
                .ok_or_else(|| SendError::internal("desk room not known yet"));
        }
        let room = self
            .engine()
            .store()
            .channel_message(&to.to_string(), DM_SLOT)
            .await
            .map_err(SendError::internal)?
            .and_then(|id| OwnedRoomId::try_from(id).ok())
            .and_then(|id| self.client.get_room(&id));
        match room {
            Some(room) if room.state() == RoomState::Joined => Ok(room),
            _ => Err(SendError::unreachable("no direct room with the citizen")),
        }
    }
}

impl Channel for Bot {
    fn serves(&self) -> Vec<ChannelKind> {
        vec![ChannelKind::Matrix, ChannelKind::Desk]
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            buttons: false,
            url_buttons: false,
            edit_in_place: true,
            max_text: 16_000,
            max_option_id: 0,
        }
    }

    async fn send(&self, d: &Delivery) -> Result<Sent, SendError> {
        let room = self.room_of(&d.to).await?;
        let message =
            match crate::payments::with_link(self.engine(), self.provider.as_deref(), &d.message)
                .await
            {
                Ok(m) => m,
                Err(e) => {
                    // Told once that the link follows; the outbox tries again.
                    if let (Some(ask), 0) = (&d.message.payment, d.attempts) {
                        room.send(RoomMessageEventContent::text_plain(&ask.unavailable))
                            .with_request_config(send_config())
                            .await
                            .map_err(classify)?;
                    }
                    return Err(e);
                }
            };
        let content = render::content(&self.capabilities().text_of(&message));
        if let Some(file) = &message.attachment {
            let mime: mime::Mime = file
                .mime
                .parse()
                .map_err(|_| SendError::refused("not a media type"))?;
            // Both with transaction ids of their own: a retry after the text went out
            // does not show it twice.
            room.send(render::content(&message.text))
                .with_transaction_id(txn(&format!("{}-text", d.idempotency_key)))
                .with_request_config(send_config())
                .await
                .map_err(classify)?;
            let sent = room
                .send_attachment(
                    file.file_name.clone(),
                    &mime,
                    file.content.clone().into_bytes(),
                    matrix_sdk::attachment::AttachmentConfig::new().txn_id(txn(&d.idempotency_key)),
                )
                .await
                .map_err(classify)?;
            return Ok(Sent {
                message_id: Some(sent.event_id.to_string()),
            });
        }
        // A repeat after a crash between sending and recording carries the same transaction
        // id, and the homeserver drops it.
        let txn = txn(&d.idempotency_key);
        if let Some(event_id) = d
            .replace
            .as_deref()
            .and_then(|id| OwnedEventId::try_from(id).ok())
        {
            room.send(content.make_replacement(ReplacementMetadata::new(event_id.clone(), None)))
                .with_transaction_id(txn)
                .with_request_config(send_config())
                .await
                .map_err(classify)?;
            return Ok(Sent {
                message_id: Some(event_id.to_string()),
            });
        }
        let sent = room
            .send(content)
            .with_transaction_id(txn)
            .with_request_config(send_config())
            .await
            .map_err(classify)?;
        Ok(Sent {
            message_id: Some(sent.response.event_id.to_string()),
        })
    }
}

/// A transaction id of our own key.
fn txn(key: &str) -> matrix_sdk::ruma::OwnedTransactionId {
    matrix_sdk::ruma::OwnedTransactionId::from(key.to_owned())
}
