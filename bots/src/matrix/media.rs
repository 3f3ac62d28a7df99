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
use matrix_sdk::bytes as bytes_of;
use matrix_sdk::ruma::events::room::MediaSource;
use matrix_sdk::ruma::{MxcUri, OwnedMxcUri};

/// Files citizens send on Matrix: the media source of an `m.image` or `m.file` (with the keys
/// of an encrypted one), downloaded from the homeserver's media repository and decrypted as
/// the download arrives, so that no file is held whole. A source that does not parse or a
/// file the homeserver does not have (404) is gone for good; anything else is tried again.
///
/// Not the SDK's `get_media_content`: it returns the whole file, and for an encrypted one
/// holds the cipher text and the plain text side by side (20 MB for a 10 MB scan). The SDK's
/// own HTTP client, its session's token and its attachment decryptor do the work here.
pub(super) struct MatrixFiles(pub(super) Client);

/// Bytes decrypted at a time.
const PIECE: usize = 64 * 1024;

impl crate::channel::FetchFile for MatrixFiles {
    fn fetch<'a>(&'a self, source: &'a str, max_bytes: usize) -> crate::channel::Fetching<'a> {
        use crate::channel::FetchError;
        use futures_util::StreamExt;
        Box::pin(async move {
            let source: MediaSource = serde_json::from_str(source).map_err(|_| FetchError::Gone)?;
            let response = self.download(&mxc_of(&source)).await?;
            if response
                .content_length()
                .is_some_and(|length| length > max_bytes as u64)
            {
                return Err(FetchError::TooLarge);
            }
            let body = response
                .bytes_stream()
                .map(|piece| piece.map_err(std::io::Error::other));
            let body = tokio_util::io::StreamReader::new(Box::pin(body));
            let file: crate::channel::FileReader = match source {
                MediaSource::Plain(_) => Box::new(body),
                MediaSource::Encrypted(file) => decrypted(body, (*file).into()),
            };
            Ok(file)
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

impl MatrixFiles {
    /// The response to the download of `mxc`, its body still to be read: the authenticated
    /// media endpoint (Matrix 1.11), or the older one on a homeserver that does not have it.
    async fn download(
        &self,
        mxc: &MxcUri,
    ) -> Result<matrix_sdk::reqwest::Response, crate::channel::FetchError> {
        use crate::channel::FetchError;
        use matrix_sdk::reqwest::StatusCode;
        let (server, id) = mxc.parts().map_err(|_| FetchError::Gone)?;
        let homeserver = self.0.homeserver();
        let base = homeserver.as_str().trim_end_matches('/');
        let token = self.0.access_token().unwrap_or_default();
        let mut fallback = false;
        loop {
            let path = match fallback {
                false => "_matrix/client/v1/media/download",
                true => "_matrix/media/v3/download",
            };
            let response = self
                .0
                .http_client()
                .get(format!("{base}/{path}/{server}/{id}"))
                .bearer_auth(&token)
                .send()
                .await
                .map_err(|e| FetchError::Failed(e.to_string()))?;
            let status = response.status();
            if status.is_success() {
                return Ok(response);
            }
            // A homeserver older than authenticated media does not know the path.
            let unknown_path = matches!(
                status,
                StatusCode::NOT_FOUND | StatusCode::METHOD_NOT_ALLOWED
            );
            if !fallback && unknown_path && unrecognized(response).await {
                fallback = true;
                continue;
            }
            return Err(match status {
                StatusCode::NOT_FOUND => FetchError::Gone,
                status => FetchError::Failed(format!("the homeserver said {status}")),
            });
        }
    }
}

/// Whether a homeserver's error says it does not know the endpoint (`M_UNRECOGNIZED`).
async fn unrecognized(response: matrix_sdk::reqwest::Response) -> bool {
    let Ok(body) = response.bytes().await else {
        return false;
    };
    serde_json::from_slice::<serde_json::Value>(&body)
        .is_ok_and(|body| body.get("errcode").and_then(|c| c.as_str()) == Some("M_UNRECOGNIZED"))
}

/// An encrypted file's plain text as its download arrives: the SDK's decryptor reads the
/// cipher text on a blocking thread and hands on a piece at a time (two at most waiting). It
/// checks the file's SHA-256 at the end, so a file that was altered fails its last read and
/// is never kept.
fn decrypted(
    body: impl tokio::io::AsyncRead + Send + Unpin + 'static,
    info: matrix_sdk_crypto::MediaEncryptionInfo,
) -> crate::channel::FileReader {
    use std::io::Read;
    let (pieces, arriving) = tokio::sync::mpsc::channel::<std::io::Result<bytes_of::Bytes>>(2);
    // Made here, in the runtime, whose handle the bridge keeps for its blocking reads.
    let mut body = tokio_util::io::SyncIoBridge::new(body);
    tokio::task::spawn_blocking(move || {
        let mut decryptor = match matrix_sdk_crypto::AttachmentDecryptor::new(&mut body, info) {
            Ok(d) => d,
            Err(e) => {
                let _ = pieces.blocking_send(Err(std::io::Error::other(e)));
                return;
            }
        };
        loop {
            let mut piece = vec![0; PIECE];
            let piece = match decryptor.read(&mut piece) {
                Ok(0) => return,
                Ok(n) => {
                    piece.truncate(n);
                    Ok(bytes_of::Bytes::from(piece))
                }
                Err(e) => Err(e),
            };
            let failed = piece.is_err();
            // The reader went away (the file was refused): stop downloading.
            if pieces.blocking_send(piece).is_err() || failed {
                return;
            }
        }
    });
    let arriving = futures_util::stream::unfold(arriving, |mut arriving| async move {
        arriving.recv().await.map(|piece| (piece, arriving))
    });
    Box::new(tokio_util::io::StreamReader::new(Box::pin(arriving)))
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
