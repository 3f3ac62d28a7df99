//! Files on Matrix: fetching what citizens send (`m.image`, `m.file`, decrypted by the SDK
//! when the chat is encrypted), and removing files from the homeserver's media repository once
//! they are no longer needed: a citizen's original once its sealed copy is kept, the copies
//! sent into a call's room once the room is closed.
//!
//! Matrix has no way for a user to delete media; Synapse's admin API does
//! (`DELETE /_synapse/admin/v1/media/{server}/{id}`). When the bot's account is a server admin
//! it deletes them at once; otherwise the homeserver's media retention
//! (`media_retention.local_media_lifetime`, set in the deploy kit) removes them, and the
//! redaction of the call room's events already keeps them out of its history.

use matrix_sdk::Client;
use matrix_sdk::ruma::events::room::MediaSource;
use matrix_sdk::ruma::{MxcUri, OwnedMxcUri};

/// Files citizens send on Matrix: the media source of an `m.image` or `m.file` (with the keys
/// of an encrypted one, which the SDK uses to decrypt it), fetched from the homeserver's media
/// repository. A source that does not parse or a file the homeserver does not have (404) is
/// gone for good; anything else is tried again.
pub(super) struct MatrixFiles(pub(super) Client);

impl crate::channel::FetchFile for MatrixFiles {
    fn fetch<'a>(&'a self, source: &'a str, max_bytes: usize) -> crate::channel::Fetching<'a> {
        use crate::channel::FetchError;
        use matrix_sdk::media::{MediaFormat, MediaRequestParameters};
        Box::pin(async move {
            let source: MediaSource = serde_json::from_str(source).map_err(|_| FetchError::Gone)?;
            let request = MediaRequestParameters {
                source,
                format: MediaFormat::File,
            };
            // Not cached: the bot's store keeps no citizen's file.
            let bytes = match self.0.media().get_media_content(&request, false).await {
                Ok(b) => b,
                Err(e) => {
                    let not_found = e
                        .as_client_api_error()
                        .is_some_and(|c| c.status_code.as_u16() == 404);
                    return Err(if not_found {
                        FetchError::Gone
                    } else {
                        FetchError::Failed(e.to_string())
                    });
                }
            };
            if bytes.len() > max_bytes {
                return Err(FetchError::TooLarge);
            }
            Ok(bytes)
        })
    }

    /// The citizen's original, once its sealed copy is kept: deleted from the media
    /// repository if the bot may.
    fn discard<'a>(&'a self, source: &'a str) -> crate::channel::Discarding<'a> {
        Box::pin(async move {
            if let Ok(source) = serde_json::from_str::<MediaSource>(source) {
                delete(&self.0, &mxc_of(&source)).await;
            }
        })
    }
}

/// The media a message's content points at (`url`, or `file.url` when encrypted).
pub(super) fn mxc_in(content: &serde_json::Value) -> Option<OwnedMxcUri> {
    content
        .get("file")
        .and_then(|f| f.get("url"))
        .or_else(|| content.get("url"))
        .and_then(|u| u.as_str())
        .map(OwnedMxcUri::from)
}

/// The media of a source (an encrypted one's `url`).
pub(super) fn mxc_of(source: &MediaSource) -> OwnedMxcUri {
    match source {
        MediaSource::Plain(uri) => uri.clone(),
        MediaSource::Encrypted(file) => file.url.clone(),
    }
}

/// Deletes `mxc` from the homeserver's media repository if the bot may (it is a server
/// admin, and the media is the homeserver's own); `false` if it could not.
pub(super) async fn delete(client: &Client, mxc: &MxcUri) -> bool {
    let (Ok((server, id)), Some(token)) = (mxc.parts(), client.access_token()) else {
        return false;
    };
    let mut url = client.homeserver();
    match url.path_segments_mut() {
        Ok(mut path) => {
            path.pop_if_empty()
                .extend(["_synapse", "admin", "v1", "media", server.as_str(), id]);
        }
        Err(()) => return false,
    }
    let answer = reqwest::Client::new()
        .delete(url)
        .bearer_auth(token)
        .timeout(std::time::Duration::from_secs(10))
        .send()
        .await;
    match answer {
        Ok(r) if r.status().is_success() => true,
        Ok(r) => {
            tracing::debug!(target: "matrix.media", status = %r.status(), "media left to the homeserver's retention");
            false
        }
        Err(e) => {
            tracing::debug!(target: "matrix.media", error = %e, "media not deleted");
            false
        }
    }
}
