//! The clerks' desk room in Element: commands, video rooms for calls, the live queue message,
//! and the clerks' leases and presence kept alive for as long as they are in the room.

use std::time::Duration;

use anyhow::{Context, Result};
use matrix_sdk::RoomMemberships;
use matrix_sdk::ruma::events::room::message::{ReplacementMetadata, RoomMessageEventContent};
use matrix_sdk::ruma::{EventId, OwnedEventId, OwnedRoomId, OwnedUserId, UserId};
use matrix_sdk::{Room, RoomState};
use schalter_core::{ChannelKind, ConversationId};

use super::video::Conference;

/// The slot of a call (`video:<entry>`) that holds the documents sent into its room, to
/// redact (and delete from the media repository) when it is closed.
const DOCUMENTS_SLOT: &str = "documents";

/// A document sent into a call's room: its event, and the media it points at.
#[derive(serde::Serialize, serde::Deserialize)]
struct SharedDocument {
    event: OwnedEventId,
    mxc: Option<matrix_sdk::ruma::OwnedMxcUri>,
}
use super::{Bot, DESK_LANG};
use crate::desk::{self, Readers};

/// The desk room's live queue message is kept as the address of this name in slot `queue`.
const DESK_CONVERSATION: &str = "matrix-desk";

impl Bot {
    fn desk_room(&self) -> Result<Room> {
        self.client.get_room(&self.desk).context("desk room")
    }

    fn is_clerk(&self, user: &UserId) -> bool {
        self.clerks.iter().any(|c| c == user)
    }

    /// Who can read the desk room: clerks only, or others too (then links stay out of it).
    async fn desk_readers(&self) -> Readers {
        let Ok(room) = self.desk_room() else {
            return Readers::Others;
        };
        match room.members(RoomMemberships::ACTIVE).await {
            Ok(members)
                if members
                    .iter()
                    .all(|m| self.is_bot(m.user_id()) || self.is_clerk(m.user_id())) =>
            {
                Readers::ClerksOnly
            }
            _ => Readers::Others,
        }
    }

    pub(super) async fn on_desk_command(
        &self,
        event: &EventId,
        sender: &UserId,
        body: &str,
    ) -> Result<()> {
        // Only `!commands` are for the bot; clerks may talk among themselves.
        if !body.trim_start().starts_with('!') {
            return Ok(());
        }
        let Some(command) = desk::Command::parse(body) else {
            return Ok(());
        };
        let engine = self.engine();
        // A command seen again (a sync repeated after a failure) is not run twice.
        if !engine
            .inbox()
            .seen_once(
                &format!("matrix:{event}"),
                &ConversationId::new(ChannelKind::Desk, sender),
            )
            .await?
        {
            return Ok(());
        }
        // From here on the command counts as taken in: a failure is told to the clerks rather
        // than repeated with the sync.
        if let Err(e) = self.run_desk_command(sender, command).await {
            tracing::warn!(target: "matrix.desk", error = %e, "desk command failed");
            let text = engine.office().i18n().text(DESK_LANG, "error-temporary");
            if let Ok(room) = self.desk_room()
                && let Err(e) = room.send(RoomMessageEventContent::text_plain(text)).await
            {
                tracing::warn!(target: "matrix.desk", error = %e, "could not tell the desk");
            }
        }
        Ok(())
    }

    async fn run_desk_command(&self, sender: &UserId, command: desk::Command) -> Result<()> {
        let engine = self.engine();
        let desk_room = self.desk_room()?;
        let i18n = engine.office().i18n();
        if !self.is_clerk(sender) {
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
            engine,
            sender.as_str(),
            DESK_LANG,
            command,
            conference.as_ref().map(|c| c.link.as_str()),
            self.desk_readers().await,
            self.provider.as_deref(),
        )
        .await?;
        desk_room.send(super::render::content(&answer.text)).await?;
        let picked_someone = answer.picked.is_some();
        if let (Some(entry), Some(conference)) = (answer.picked, conference) {
            let title = format!(
                "Schalter {}",
                entry.reference.as_deref().unwrap_or_default()
            );
            // The clerk, and the citizen if they are on Matrix: nobody else.
            let mut invite = vec![sender.to_owned()];
            if let Some(citizen) = &entry.conversation_id
                && citizen.channel() == ChannelKind::Matrix
                && let Ok(user) = OwnedUserId::try_from(citizen.user())
            {
                invite.push(user);
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
            engine
                .channel_state()
                .set_address(&format!("video:{}", entry.id), "room", room_id.as_str())
                .await?;
            // The documents are in the room before the clerk and the citizen meet; a failure
            // here does not hold up the call (the clerk can ask for them).
            if let Err(e) = self.share_documents(&room_id, &entry).await {
                tracing::warn!(target: "matrix.video", error = %e, "documents not shared");
            }
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

    /// Sends the documents of the picked citizen's booking into the call's room (encrypted
    /// when the room is: the SDK encrypts the file before it uploads it), each named by its
    /// checklist item, and keeps their event ids to redact them when the room is closed.
    async fn share_documents(
        &self,
        room_id: &matrix_sdk::ruma::RoomId,
        entry: &schalter_core::desk::QueueEntry,
    ) -> Result<()> {
        let Some(booking) = &entry.booking_id else {
            return Ok(());
        };
        let documents = self.engine().documents();
        let rows = documents.for_call(booking).await?;
        if rows.is_empty() {
            return Ok(());
        }
        let room = self.client.get_room(room_id).context("the call's room")?;
        let names = documents.file_names(DESK_LANG, &rows);
        let mut events = Vec::new();
        // One file opened at a time, sent, and let go before the next.
        for (row, name) in rows.iter().zip(names) {
            let Some(bytes) = documents.open(row).await? else {
                continue;
            };
            let mime: mime::Mime = schalter_core::documents::Kind::from_name(&row.kind)
                .map_or("application/octet-stream", |k| k.mime())
                .parse()?;
            let config = matrix_sdk::attachment::AttachmentConfig::new().txn_id(
                matrix_sdk::ruma::OwnedTransactionId::from(format!("doc-{}-{}", entry.id, row.id)),
            );
            let sent = room.send_attachment(name, &mime, bytes, config).await?;
            // Where the SDK uploaded it (encrypted or not), to delete it with the room.
            let mxc = match room.event(&sent.event_id, None).await {
                Ok(event) => event
                    .raw()
                    .get_field::<serde_json::Value>("content")
                    .ok()
                    .flatten()
                    .and_then(|c| super::media::mxc_in(&c)),
                Err(_) => None,
            };
            events.push(SharedDocument {
                event: sent.event_id,
                mxc,
            });
        }
        self.engine()
            .channel_state()
            .set_address(
                &format!("video:{}", entry.id),
                DOCUMENTS_SLOT,
                &serde_json::to_string(&events)?,
            )
            .await?;
        Ok(())
    }

    /// After a call the video room is closed for good: everyone in it is removed, pending
    /// invitations are revoked, then the bot leaves, so nobody can use the room again.
    async fn close_video_room(&self, entry_id: &str) {
        let Ok(Some(room_id)) = self
            .engine()
            .channel_state()
            .address(&format!("video:{entry_id}"), "room")
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
        // Nothing of the documents stays in the room's history.
        if let Ok(Some(events)) = self
            .engine()
            .channel_state()
            .address(&format!("video:{entry_id}"), DOCUMENTS_SLOT)
            .await
        {
            for shared in serde_json::from_str::<Vec<SharedDocument>>(&events).unwrap_or_default() {
                if let Err(e) = room.redact(&shared.event, Some("call ended"), None).await {
                    tracing::warn!(target: "matrix.video", error = %e, "a document not redacted");
                }
                if let Some(mxc) = &shared.mxc {
                    super::media::delete(&self.client, mxc).await;
                }
            }
        }
        let members = room
            .members(RoomMemberships::JOIN | RoomMemberships::INVITE | RoomMemberships::KNOCK)
            .await
            .unwrap_or_default();
        for member in members {
            if !self.is_bot(member.user_id())
                && let Err(e) = room.kick_user(member.user_id(), Some("call ended")).await
            {
                tracing::warn!(target: "matrix.video", error = %e, "could not remove a member");
            }
        }
        if let Err(e) = room.leave().await {
            tracing::warn!(target: "matrix.video", error = %e, "could not leave the video room");
        }
    }

    /// Keeps the lease on each clerk's call and their presence alive for as long as they are
    /// in the desk room: a call lasts as long as the clerk wants.
    pub(super) async fn keep_desk_alive(&self) {
        let engine = self.engine();
        let every = engine
            .waiting_room()
            .heartbeat()
            .to_std()
            .unwrap_or(Duration::from_secs(30));
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            let Ok(room) = self.desk_room() else { continue };
            if room.state() != RoomState::Joined {
                continue;
            }
            for clerk in self.clerks.iter() {
                let present = matches!(
                    room.get_member_no_sync(clerk).await,
                    Ok(Some(m)) if *m.membership() == matrix_sdk::ruma::events::room::member::MembershipState::Join
                );
                if !present {
                    continue;
                }
                // A clerk in the desk room is on duty until they say `!away`.
                if matches!(
                    engine
                        .channel_state()
                        .clerk_presence_known(clerk.as_str())
                        .await,
                    Ok(false)
                ) && let Err(e) = engine.desk().set_presence(clerk.as_str(), true).await
                {
                    tracing::warn!(target: "matrix.desk", error = %e, "presence failed");
                }
                if let Err(e) = engine.desk().keep_alive(clerk.as_str()).await {
                    tracing::warn!(target: "matrix.desk", error = %e, "heartbeat failed");
                }
            }
        }
    }

    /// Keeps the desk's live queue message up to date (edited in place).
    pub(super) async fn show_queue_loop(&self) {
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        let mut last = String::new();
        loop {
            tick.tick().await;
            match desk::queue_text(self.engine(), DESK_LANG).await {
                Ok(text) if text != last => match self.show_queue(&text).await {
                    Ok(()) => last = text,
                    Err(e) => {
                        tracing::warn!(target: "matrix.desk", error = %e, "queue message failed")
                    }
                },
                Ok(_) => {}
                Err(e) => tracing::warn!(target: "matrix.desk", error = %e, "queue view failed"),
            }
        }
    }

    async fn show_queue(&self, text: &str) -> Result<()> {
        let room = self.desk_room()?;
        let state = self.engine().channel_state();
        let content = RoomMessageEventContent::text_plain(text);
        if let Some(id) = state.address(DESK_CONVERSATION, "queue").await?
            && let Ok(event_id) = OwnedEventId::try_from(id.as_str())
        {
            let edit = content.make_replacement(ReplacementMetadata::new(event_id, None));
            room.send(edit).await?;
            return Ok(());
        }
        let sent = room.send(content).await?;
        state
            .set_address(DESK_CONVERSATION, "queue", sent.response.event_id.as_str())
            .await?;
        Ok(())
    }
}
