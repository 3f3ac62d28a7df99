//! Video rooms for a call between a clerk and a citizen. Jitsi (default): a Matrix room of type
//! `io.element.video` with a Jitsi widget; Element Call: a room of type
//! `org.matrix.msc3417.call` that guests knock on. Conference ids carry 128 random bits.

use anyhow::{Context, Result};
use matrix_sdk::Client;
use matrix_sdk::ruma::api::client::room::Visibility;
use matrix_sdk::ruma::api::client::room::create_room::v3::{Request as CreateRoom, RoomPreset};
use matrix_sdk::ruma::serde::Raw;
use matrix_sdk::ruma::{OwnedRoomId, OwnedUserId};
use serde_json::{Value, json};

/// A conference planned for a pick: its unguessable id and the link the citizen opens.
#[derive(Debug, Clone)]
pub struct Conference {
    pub id: String,
    pub link: String,
    provider: Provider,
    base: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Provider {
    Jitsi,
    ElementCall,
}

impl Conference {
    /// Plans a conference on the configured service; `None` without SCHALTER_VIDEO_BASE_URL.
    pub fn plan(provider: &str, base: Option<&str>) -> Option<Self> {
        let base = base?.trim_end_matches('/').to_owned();
        let id = format!("schalter-{}", schalter_core::reference::secret_token());
        let provider = if provider == "element-call" {
            Provider::ElementCall
        } else {
            Provider::Jitsi
        };
        let link = match provider {
            Provider::Jitsi => format!("{base}/{id}"),
            // The room id is only known after creation; Element Call also finds it by name.
            Provider::ElementCall => format!("{base}/room/#/{id}"),
        };
        Some(Self {
            id,
            link,
            provider,
            base,
        })
    }

    /// Element Call's guest link carries the room id: create the room before the pick.
    pub fn needs_room_first(&self) -> bool {
        self.provider == Provider::ElementCall
    }

    fn domain(&self) -> String {
        self.base
            .split("://")
            .nth(1)
            .unwrap_or(&self.base)
            .split('/')
            .next()
            .unwrap_or_default()
            .to_owned()
    }

    /// Creates the room and invites the clerk.
    pub async fn create_room(
        &self,
        client: &Client,
        title: &str,
        invite: Vec<OwnedUserId>,
    ) -> Result<OwnedRoomId> {
        let raw = |v: Value| -> Result<Box<serde_json::value::RawValue>> {
            Ok(serde_json::value::to_raw_value(&v)?)
        };
        let mut request = CreateRoom::new();
        request.name = Some(title.to_owned());
        request.invite = invite;
        request.preset = Some(RoomPreset::PrivateChat);
        request.visibility = Visibility::Private;
        let (room_type, power_levels, mut initial_state) = match self.provider {
            Provider::Jitsi => {
                let widget_id = format!("jitsi-{}", schalter_core::reference::secret_token());
                let widget = json!({
                    "type": "im.vector.modular.widgets",
                    "state_key": widget_id,
                    "content": {
                        "type": "jitsi",
                        "url": self.link,
                        "name": title,
                        "data": {
                            "conferenceId": self.id,
                            "domain": self.domain(),
                            "roomName": title,
                            "isAudioOnly": false,
                            "isVideoChannel": true
                        }
                    }
                });
                let layout = json!({
                    "type": "io.element.widgets.layout",
                    "state_key": "",
                    "content": {"widgets": {widget_id: {"container": "top", "index": 0, "width": 100, "height": 100}}}
                });
                (
                    "io.element.video",
                    json!({"events": {"io.element.video.member": 0, "im.vector.modular.widgets": 200}}),
                    vec![widget, layout],
                )
            }
            Provider::ElementCall => (
                "org.matrix.msc3417.call",
                json!({"events": {"org.matrix.msc3401.call.member": 0, "org.matrix.msc3401.call": 200}}),
                vec![
                    json!({"type": "m.room.join_rules", "state_key": "", "content": {"join_rule": "knock"}}),
                ],
            ),
        };
        request.creation_content = Some(Raw::from_json(raw(json!({"type": room_type}))?));
        request.power_level_content_override = Some(Raw::from_json(raw(power_levels)?));
        request.initial_state = initial_state
            .drain(..)
            .map(|e| raw(e).map(Raw::from_json))
            .collect::<Result<_>>()?;
        let room = client
            .create_room(request)
            .await
            .context("create the video room")?;
        Ok(room.room_id().to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::Conference;

    #[test]
    fn conference_ids_are_unguessable_and_links_match() {
        let a = Conference::plan("jitsi", Some("https://meet.example.org/")).unwrap();
        let b = Conference::plan("jitsi", Some("https://meet.example.org")).unwrap();
        assert_ne!(a.id, b.id);
        assert!(a.id.len() >= "schalter-".len() + 26);
        assert_eq!(a.link, format!("https://meet.example.org/{}", a.id));
        assert_eq!(a.domain(), "meet.example.org");
        assert!(Conference::plan("jitsi", None).is_none());
    }
}
