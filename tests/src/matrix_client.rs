//! Matrix test clients on matrix-sdk: log in, sync in the background, collect every text
//! message they see (decrypted where the room is encrypted).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use matrix_sdk::config::SyncSettings;
use matrix_sdk::ruma::api::client::room::create_room::v3::Request as CreateRoom;
use matrix_sdk::ruma::events::room::message::{
    MessageType, OriginalSyncRoomMessageEvent, RoomMessageEventContent,
};
use matrix_sdk::ruma::serde::Raw;
use matrix_sdk::ruma::{OwnedRoomId, OwnedUserId, RoomId};
use matrix_sdk::{Client, Room};

/// A message a test client saw.
#[derive(Debug, Clone)]
pub struct Seen {
    pub room: OwnedRoomId,
    pub sender: OwnedUserId,
    pub body: String,
    /// The HTML body (`formatted_body`), if the message has one.
    pub html: Option<String>,
}

/// A photo or file a test client saw, with what it takes to download it.
#[derive(Debug, Clone)]
pub struct SeenMedia {
    pub room: OwnedRoomId,
    pub event_id: matrix_sdk::ruma::OwnedEventId,
    pub name: String,
    pub source: matrix_sdk::ruma::events::room::MediaSource,
}

/// Keeps every text, notice and file message the client sees in `seen`, photos and files
/// with their sources in `media`, and the events redacted in `redacted`.
fn record_messages(
    client: &Client,
    seen: &Arc<Mutex<Vec<Seen>>>,
    media: &Arc<Mutex<Vec<SeenMedia>>>,
    redacted: &Arc<Mutex<Vec<matrix_sdk::ruma::OwnedEventId>>>,
) {
    let seen = seen.clone();
    let media = media.clone();
    let redactions = redacted.clone();
    client.add_event_handler(
        move |ev: matrix_sdk::ruma::events::room::redaction::OriginalSyncRoomRedactionEvent| {
            let redactions = redactions.clone();
            async move {
                if let Some(id) = ev.redacts.or(ev.content.redacts) {
                    redactions.lock().unwrap().push(id);
                }
            }
        },
    );
    client.add_event_handler(move |ev: OriginalSyncRoomMessageEvent, room: Room| {
        let seen = seen.clone();
        let media = media.clone();
        async move {
            let source = match &ev.content.msgtype {
                MessageType::Image(i) => Some((i.body.clone(), i.source.clone())),
                MessageType::File(f) => Some((f.body.clone(), f.source.clone())),
                _ => None,
            };
            if let Some((name, source)) = source {
                media.lock().unwrap().push(SeenMedia {
                    room: room.room_id().to_owned(),
                    event_id: ev.event_id.clone(),
                    name,
                    source,
                });
            }
            let (body, html) = match &ev.content.msgtype {
                MessageType::Text(t) => {
                    (t.body.clone(), t.formatted.as_ref().map(|f| f.body.clone()))
                }
                MessageType::Notice(t) => {
                    (t.body.clone(), t.formatted.as_ref().map(|f| f.body.clone()))
                }
                // Files show as their name, marked.
                MessageType::File(f) => (format!("[file] {}", f.body), None),
                _ => return,
            };
            seen.lock().unwrap().push(Seen {
                room: room.room_id().to_owned(),
                sender: ev.sender.clone(),
                body,
                html,
            });
        }
    });
}

#[derive(Clone)]
pub struct TestClient {
    pub client: Client,
    pub seen: Arc<Mutex<Vec<Seen>>>,
    /// Photos and files seen, with their sources.
    pub media: Arc<Mutex<Vec<SeenMedia>>>,
    /// Events seen redacted.
    pub redacted: Arc<Mutex<Vec<matrix_sdk::ruma::OwnedEventId>>>,
    pub token: String,
    pub homeserver: String,
}

impl TestClient {
    pub async fn login(homeserver: &str, user: &str, password: &str) -> Self {
        let dir = crate::scratch_dir("schalter_mx_client");
        let client = Client::builder()
            .homeserver_url(homeserver)
            .sqlite_store(&dir, None)
            .build()
            .await
            .expect("build client");
        client
            .matrix_auth()
            .login_username(user, password)
            .initial_device_display_name("test client")
            .await
            .expect("login");
        let token = client.access_token().expect("access token");
        let seen = Arc::new(Mutex::new(Vec::new()));
        let media = Arc::new(Mutex::new(Vec::new()));
        let redacted = Arc::new(Mutex::new(Vec::new()));
        record_messages(&client, &seen, &media, &redacted);
        // Accept invitations (the video room).
        client.add_event_handler(
            |ev: matrix_sdk::ruma::events::room::member::StrippedRoomMemberEvent,
             room: Room,
             client: Client| async move {
                if Some(ev.state_key.as_ref()) == client.user_id() {
                    let _ = room.join().await;
                }
            },
        );
        let sync = client.clone();
        tokio::spawn(async move {
            loop {
                let _ = sync
                    .sync(SyncSettings::default().timeout(Duration::from_secs(1)))
                    .await;
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        });
        Self {
            client,
            seen,
            media,
            redacted,
            token,
            homeserver: homeserver.to_owned(),
        }
    }

    /// Waits until `count` photos or files arrived in `room`, and returns them.
    pub async fn wait_media(&self, room: &RoomId, count: usize) -> Vec<SeenMedia> {
        for _ in 0..600 {
            let found: Vec<SeenMedia> = self
                .media
                .lock()
                .unwrap()
                .iter()
                .filter(|m| m.room == room)
                .cloned()
                .collect();
            if found.len() >= count {
                return found;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{count} files did not arrive in {room}");
    }

    /// Downloads (and, when encrypted, decrypts) a photo or file.
    pub async fn download(&self, source: &matrix_sdk::ruma::events::room::MediaSource) -> Vec<u8> {
        let request = matrix_sdk::media::MediaRequestParameters {
            source: source.clone(),
            format: matrix_sdk::media::MediaFormat::File,
        };
        self.client
            .media()
            .get_media_content(&request, false)
            .await
            .expect("download the file")
    }

    /// Sends `bytes` as a file named `name` of the type `mime` (a photo for `image/*`).
    pub async fn send_file(&self, room: &RoomId, name: &str, mime: &str, bytes: Vec<u8>) {
        let mime: mime::Mime = mime.parse().expect("a media type");
        self.client
            .get_room(room)
            .expect("a known room")
            .send_attachment(
                name,
                &mime,
                bytes,
                matrix_sdk::attachment::AttachmentConfig::new(),
            )
            .await
            .expect("send the file");
    }

    /// Waits until `event` was seen redacted.
    pub async fn wait_redacted(&self, event: &matrix_sdk::ruma::EventId) {
        for _ in 0..300 {
            if self.redacted.lock().unwrap().iter().any(|e| e == event) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{event} was not redacted");
    }

    /// Creates a room and invites `invite`; `encrypted` and `direct` as Element does for DMs.
    pub async fn create_room(&self, invite: &[&str], encrypted: bool, direct: bool) -> OwnedRoomId {
        let mut request = CreateRoom::new();
        request.invite = invite
            .iter()
            .map(|u| OwnedUserId::try_from(*u).unwrap())
            .collect();
        request.is_direct = direct;
        if encrypted {
            let event = serde_json::json!({"type": "m.room.encryption", "state_key": "",
                "content": {"algorithm": "m.megolm.v1.aes-sha2"}});
            request.initial_state = vec![Raw::from_json(
                serde_json::value::to_raw_value(&event).unwrap(),
            )];
        }
        self.client
            .create_room(request)
            .await
            .expect("create room")
            .room_id()
            .to_owned()
    }

    /// Waits until `user` has joined `room`.
    pub async fn wait_joined(&self, room: &RoomId, user: &str) {
        for _ in 0..300 {
            if let Some(r) = self.client.get_room(room)
                && let Ok(members) = r.joined_user_ids().await
                && members.iter().any(|m| m.as_str() == user)
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{user} did not join {room}");
    }

    pub async fn send(&self, room: &RoomId, text: &str) {
        let r = self.client.get_room(room).expect("room known");
        r.send(RoomMessageEventContent::text_plain(text))
            .await
            .expect("send");
    }

    /// Count of messages from others seen in `room` so far.
    pub fn count(&self, room: &RoomId) -> usize {
        let me = self.client.user_id().map(|u| u.to_owned());
        self.seen
            .lock()
            .unwrap()
            .iter()
            .filter(|s| s.room == room && Some(&s.sender) != me.as_ref())
            .count()
    }

    /// Waits for a message from someone else in `room`, after the first `after` of them, that
    /// contains `needle`.
    pub async fn wait_for(&self, room: &RoomId, after: usize, needle: &str) -> String {
        let me = self.client.user_id().map(|u| u.to_owned());
        for _ in 0..600 {
            let found = self
                .seen
                .lock()
                .unwrap()
                .iter()
                .filter(|s| s.room == room && Some(&s.sender) != me.as_ref())
                .skip(after)
                .find(|s| s.body.contains(needle))
                .map(|s| s.body.clone());
            if let Some(body) = found {
                return body;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let all: Vec<String> = self
            .seen
            .lock()
            .unwrap()
            .iter()
            .filter(|s| s.room == room)
            .map(|s| s.body.clone())
            .collect();
        panic!("no message with {needle:?} in {room}; saw {all:#?}");
    }

    /// The HTML body of the last message in `room` whose text contains `needle`.
    pub fn html_of(&self, room: &RoomId, needle: &str) -> Option<String> {
        self.seen
            .lock()
            .unwrap()
            .iter()
            .rev()
            .find(|s| s.room == room && s.body.contains(needle))
            .and_then(|s| s.html.clone())
    }

    /// Sends `text` and waits for the bot's answer containing `needle`.
    pub async fn ask(&self, room: &RoomId, text: &str, needle: &str) -> String {
        let before = self.count(room);
        self.send(room, text).await;
        self.wait_for(room, before, needle).await
    }

    /// The room's current state events, straight from the homeserver.
    pub async fn state(&self, room: &RoomId) -> Vec<serde_json::Value> {
        reqwest::Client::new()
            .get(format!(
                "{}/_matrix/client/v3/rooms/{room}/state",
                self.homeserver
            ))
            .bearer_auth(&self.token)
            .send()
            .await
            .expect("get state")
            .json()
            .await
            .expect("state json")
    }

    /// Rooms this client has been invited to or joined, other than `known`.
    pub fn other_rooms(&self, known: &[&RoomId]) -> Vec<OwnedRoomId> {
        self.client
            .rooms()
            .into_iter()
            .map(|r| r.room_id().to_owned())
            .filter(|r| !known.contains(&r.as_ref()))
            .collect()
    }
}

/// Further helpers for the delivery tests (tests/tests/matrix_delivery/).
impl TestClient {
    /// Like [`TestClient::login`], but invitations are left pending: the client never joins a
    /// room it is invited to, so a test can watch an invitation come and go.
    pub async fn login_without_auto_join(homeserver: &str, user: &str, password: &str) -> Self {
        let dir = crate::scratch_dir("schalter_mx_client");
        let client = Client::builder()
            .homeserver_url(homeserver)
            .sqlite_store(&dir, None)
            .build()
            .await
            .expect("build client");
        client
            .matrix_auth()
            .login_username(user, password)
            .initial_device_display_name("test client (no auto-join)")
            .await
            .expect("login");
        let token = client.access_token().expect("access token");
        let seen = Arc::new(Mutex::new(Vec::new()));
        let media = Arc::new(Mutex::new(Vec::new()));
        let redacted = Arc::new(Mutex::new(Vec::new()));
        record_messages(&client, &seen, &media, &redacted);
        let sync = client.clone();
        tokio::spawn(async move {
            loop {
                let _ = sync
                    .sync(SyncSettings::default().timeout(Duration::from_secs(1)))
                    .await;
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        });
        Self {
            client,
            seen,
            media,
            redacted,
            token,
            homeserver: homeserver.to_owned(),
        }
    }

    /// Like [`TestClient::wait_for`], but gives up after `timeout` and says so with `None`.
    pub async fn wait_for_within(
        &self,
        room: &RoomId,
        after: usize,
        needle: &str,
        timeout: Duration,
    ) -> Option<String> {
        let me = self.client.user_id().map(|u| u.to_owned());
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let found = self
                .seen
                .lock()
                .unwrap()
                .iter()
                .filter(|s| s.room == room && Some(&s.sender) != me.as_ref())
                .skip(after)
                .find(|s| s.body.contains(needle))
                .map(|s| s.body.clone());
            if found.is_some() {
                return found;
            }
            if tokio::time::Instant::now() >= deadline {
                return None;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits (up to 60 s) for a message from someone else in `room`, after the first `after`
    /// of them, that contains any of `needles`.
    pub async fn wait_for_any(&self, room: &RoomId, after: usize, needles: &[&str]) -> String {
        let me = self.client.user_id().map(|u| u.to_owned());
        for _ in 0..600 {
            let found = self
                .seen
                .lock()
                .unwrap()
                .iter()
                .filter(|s| s.room == room && Some(&s.sender) != me.as_ref())
                .skip(after)
                .find(|s| needles.iter().any(|n| s.body.contains(n)))
                .map(|s| s.body.clone());
            if let Some(body) = found {
                return body;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let all: Vec<String> = self
            .seen
            .lock()
            .unwrap()
            .iter()
            .filter(|s| s.room == room)
            .map(|s| s.body.clone())
            .collect();
        panic!("no message with any of {needles:?} in {room}; saw {all:#?}");
    }

    /// The messages `sender` sent in `room` that this client has seen so far.
    pub fn messages_from(&self, room: &RoomId, sender: &str) -> Vec<String> {
        self.seen
            .lock()
            .unwrap()
            .iter()
            .filter(|s| s.room == room && s.sender.as_str() == sender)
            .map(|s| s.body.clone())
            .collect()
    }

    /// This client's own view of its membership in `room` (`None`: room unknown).
    pub fn room_state(&self, room: &RoomId) -> Option<matrix_sdk::RoomState> {
        self.client.get_room(room).map(|r| r.state())
    }

    /// `user`'s membership in `room` (`join`, `invite`, `leave`, `ban`, …) as the homeserver
    /// shows it to this client; `None` if it has none or cannot see it.
    pub async fn membership(&self, room: &RoomId, user: &str) -> Option<String> {
        membership(&self.homeserver, &self.token, room, user).await
    }
}

/// Matrix ids in a URL path: `!`, `@`, `:` and `#` percent-encoded.
fn path_segment(id: &str) -> String {
    id.replace('%', "%25")
        .replace('!', "%21")
        .replace('@', "%40")
        .replace(':', "%3A")
        .replace('#', "%23")
}

/// Logs `user` in over plain HTTP (a new device, nothing synced, no crypto) and returns the
/// access token: to look at the homeserver as that user, e.g. as the bot. [`logout`] removes
/// the device again.
pub async fn access_token(homeserver: &str, user: &str, password: &str) -> String {
    let response = password_login(homeserver, user, password, "test observer").await;
    response["access_token"]
        .as_str()
        .unwrap_or_else(|| panic!("login of {user} failed: {response}"))
        .to_owned()
}

/// `POST /login` by password for a new device named `device_name`: the homeserver's answer.
async fn password_login(
    homeserver: &str,
    user: &str,
    password: &str,
    device_name: &str,
) -> serde_json::Value {
    reqwest::Client::new()
        .post(format!("{homeserver}/_matrix/client/v3/login"))
        .json(&serde_json::json!({
            "type": "m.login.password",
            "identifier": {"type": "m.id.user", "user": user},
            "password": password,
            "initial_device_display_name": device_name,
        }))
        .send()
        .await
        .expect("login request")
        .json()
        .await
        .expect("login json")
}

/// A new device of `user`, logged in by password without a client (no keys uploaded), as
/// the SDK keeps it: what an earlier bot wrote to its plain `session.json`.
pub async fn plain_session(
    homeserver: &str,
    user: &str,
    password: &str,
) -> matrix_sdk::authentication::matrix::MatrixSession {
    let response = password_login(homeserver, user, password, "Schalter").await;
    let field = |name: &str| {
        response[name]
            .as_str()
            .unwrap_or_else(|| panic!("login of {user} failed: {response}"))
            .to_owned()
    };
    matrix_sdk::authentication::matrix::MatrixSession {
        meta: matrix_sdk::SessionMeta {
            user_id: field("user_id").try_into().expect("a user id"),
            device_id: field("device_id").into(),
        },
        tokens: matrix_sdk::SessionTokens {
            access_token: field("access_token"),
            refresh_token: None,
        },
    }
}

/// Ends the session of `token` (and removes its device).
pub async fn logout(homeserver: &str, token: &str) {
    let _ = reqwest::Client::new()
        .post(format!("{homeserver}/_matrix/client/v3/logout"))
        .bearer_auth(token)
        .json(&serde_json::json!({}))
        .send()
        .await;
}

/// The rooms the holder of `token` has joined, straight from the homeserver.
pub async fn joined_rooms(homeserver: &str, token: &str) -> Vec<OwnedRoomId> {
    let response: serde_json::Value = reqwest::Client::new()
        .get(format!("{homeserver}/_matrix/client/v3/joined_rooms"))
        .bearer_auth(token)
        .send()
        .await
        .expect("joined_rooms request")
        .json()
        .await
        .expect("joined_rooms json");
    response["joined_rooms"]
        .as_array()
        .unwrap_or_else(|| panic!("joined_rooms: {response}"))
        .iter()
        .filter_map(|r| r.as_str())
        .filter_map(|r| OwnedRoomId::try_from(r).ok())
        .collect()
}

/// `user`'s membership in `room` as the homeserver shows it to the holder of `token`
/// (`None`: no member event, or not visible to them).
pub async fn membership(
    homeserver: &str,
    token: &str,
    room: &RoomId,
    user: &str,
) -> Option<String> {
    let response = reqwest::Client::new()
        .get(format!(
            "{homeserver}/_matrix/client/v3/rooms/{}/state/m.room.member/{}",
            path_segment(room.as_str()),
            path_segment(user)
        ))
        .bearer_auth(token)
        .send()
        .await
        .expect("member state request");
    if !response.status().is_success() {
        return None;
    }
    let content: serde_json::Value = response.json().await.ok()?;
    content["membership"].as_str().map(str::to_owned)
}
