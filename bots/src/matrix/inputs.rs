//! What rooms bring: invitations (accepted), a citizen's messages from their direct chat
//! (kept in the inbox, or spooled while the database cannot take them), a group room
//! (answered once, then left) and members leaving.

use std::time::Duration;

use anyhow::Result;
use matrix_sdk::ruma::events::room::encrypted::OriginalSyncRoomEncryptedEvent;
use matrix_sdk::ruma::events::room::member::{
    MembershipState, OriginalSyncRoomMemberEvent, StrippedRoomMemberEvent,
};
use matrix_sdk::ruma::events::room::message::{
    MessageType, OriginalSyncRoomMessageEvent, Relation, RoomMessageEventContent,
};
use matrix_sdk::{Client, Room, RoomMemberships, RoomState};
use schalter_core::{ChannelKind, ConversationId, Input, Lang};

use super::{Bot, DM_SLOT, spool};
use crate::channel::lock;

/// Invitations are accepted, with retries: Synapse may not be ready for the join yet.
pub(super) async fn on_invite(ev: StrippedRoomMemberEvent, room: Room, client: Client) {
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

/// The input of a photo or file: its media source as JSON, and the size its sender declared.
fn file_input(
    source: &matrix_sdk::ruma::events::room::MediaSource,
    size: Option<matrix_sdk::ruma::UInt>,
) -> Input {
    match serde_json::to_string(source) {
        Ok(source) => Input::File {
            source,
            size: size.map(u64::from),
        },
        Err(_) => Input::Media,
    }
}

impl Bot {
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

    pub(super) async fn on_message(
        &self,
        ev: OriginalSyncRoomMessageEvent,
        room: Room,
    ) -> Result<()> {
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
            // A photo or a file: its media source (with the keys of an encrypted one) is
            // what the fetch needs; the file itself is fetched when the input is handled.
            (MessageType::Image(c), false) => {
                file_input(&c.source, c.info.as_ref().and_then(|i| i.size))
            }
            (MessageType::File(c), false) => {
                file_input(&c.source, c.info.as_ref().and_then(|i| i.size))
            }
            _ => Input::Media,
        };
        self.take_input(&ev.event_id, &ev.sender, room, input).await
    }

    /// A message whose key we do not have (matrix-sdk hands over such events as they came,
    /// `m.room.encrypted`). E.g. a process killed while matrix-sdk stored a citizen's new
    /// session can lose that session's key; the citizen is asked to send it again (their
    /// client shares the key anew once the broken session is replaced).
    pub(super) async fn on_undecryptable(
        &self,
        ev: OriginalSyncRoomEncryptedEvent,
        room: Room,
    ) -> Result<()> {
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
        let conversation = ConversationId::new(ChannelKind::Matrix, sender);
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
            .channel_state()
            .set_address(&item.conversation, DM_SLOT, &item.room)
            .await?;
        Ok(conversation)
    }

    /// Moves spooled inputs into the inbox.
    pub(super) async fn drain_spool(&self) {
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
        let from = ConversationId::new(ChannelKind::Matrix, room.room_id());
        let moved = self
            .engine()
            .channel_state()
            .move_conversation(&from, to)
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
            .inbox()
            .seen_once(
                &format!("matrix:group:{}", room.room_id()),
                &ConversationId::new(ChannelKind::Matrix, room.room_id().as_str()),
            )
            .await?;
        if once {
            let text = engine.office().i18n().text(lang, "private-only");
            room.send(RoomMessageEventContent::text_plain(text)).await?;
        }
        room.leave().await?;
        Ok(())
    }

    /// A citizen who leaves their direct chat is gone from it: the bot leaves too, so that
    /// messages to them are given up instead of sent into an empty room.
    pub(super) async fn on_member(&self, ev: OriginalSyncRoomMemberEvent, room: Room) {
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
}
