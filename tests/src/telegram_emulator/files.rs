//! Files users send: `getFile` and the download at `/file/bot<token>/<file_path>`, as the Bot
//! API serves them (a file id per size of a photo, the largest last; a path to fetch within
//! the hour; "file is too big" past 20 MB). A download can be made to break off halfway, as
//! a connection dropping under a large file does.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::Response;
use serde_json::{Value, json};

use super::{Emulator, TOKEN, TgUser, error, ok};

/// The most the Bot API lets a bot download.
const BOT_DOWNLOAD_LIMIT: usize = 20 * 1024 * 1024;

/// A file a user sent, as the emulator keeps it.
#[derive(Clone)]
pub(super) struct StoredFile {
    path: String,
    bytes: Vec<u8>,
}

impl Emulator {
    fn store_file(&self, kind: &str, bytes: &[u8]) -> (String, String) {
        let mut s = self.lock();
        let n = s.files.len() + 1;
        let id = format!("{kind}-{n}-AgACAgIAAxkBAAI");
        let path = format!("{kind}s/file_{n}.bin");
        s.files.insert(
            id.clone(),
            StoredFile {
                path: path.clone(),
                bytes: bytes.to_vec(),
            },
        );
        (id, format!("u{kind}{n}"))
    }

    /// The user sends `bytes` as a photo: Telegram offers a thumbnail and the photo, the
    /// largest last. Returns the update id.
    pub fn send_photo_file(&self, user: &TgUser, bytes: &[u8]) -> i64 {
        let (thumb, thumb_unique) = self.store_file("thumb", &bytes[..bytes.len().min(64)]);
        let (photo, unique) = self.store_file("photo", bytes);
        let m = self.user_message(
            user,
            json!({"photo": [
                {"file_id": thumb, "file_unique_id": thumb_unique, "file_size": bytes.len().min(64),
                 "width": 90, "height": 67},
                {"file_id": photo, "file_unique_id": unique, "file_size": bytes.len(),
                 "width": 1280, "height": 960},
            ]}),
        );
        self.push("message", m)
    }

    /// The user sends `bytes` as a file named `name` of the type `mime` (whatever it holds).
    pub fn send_document_file(&self, user: &TgUser, bytes: &[u8], name: &str, mime: &str) -> i64 {
        let (id, unique) = self.store_file("document", bytes);
        let m = self.user_message(
            user,
            json!({"document": {"file_id": id, "file_unique_id": unique, "file_name": name,
                   "mime_type": mime, "file_size": bytes.len()}}),
        );
        self.push("message", m)
    }

    /// The next `n` downloads break off after half the file.
    pub fn break_downloads(&self, n: u32) {
        self.lock().broken_downloads += n;
    }

    /// How often each file path was downloaded (whole or not).
    pub fn downloads(&self, path_prefix: &str) -> u32 {
        self.lock()
            .downloads
            .iter()
            .filter(|(p, _)| p.starts_with(path_prefix))
            .map(|(_, n)| *n)
            .sum()
    }
}

/// `getFile`.
pub(super) fn get_file(emu: &Emulator, p: &Value) -> Response {
    let Some(id) = p["file_id"].as_str() else {
        return error(400, "Bad Request: file_id not specified");
    };
    let Some(file) = emu.lock().files.get(id).cloned() else {
        return error(400, "Bad Request: invalid file_id");
    };
    if file.bytes.len() > BOT_DOWNLOAD_LIMIT {
        return error(400, "Bad Request: file is too big");
    }
    ok(json!({"file_id": id, "file_unique_id": format!("u-{id}"),
              "file_size": file.bytes.len(), "file_path": file.path}))
}

/// `GET /file/bot<token>/<file_path>` (the path may come with its `/` encoded).
pub(super) async fn download(
    State(emu): State<Emulator>,
    Path((bot, path)): Path<(String, String)>,
) -> Response {
    if bot != format!("bot{TOKEN}") {
        return error(401, "Unauthorized");
    }
    let (file, broken) = {
        let mut s = emu.lock();
        let file = s.files.values().find(|f| f.path == path).cloned();
        *s.downloads.entry(path.clone()).or_default() += 1;
        let broken = file.is_some() && s.broken_downloads > 0;
        if broken {
            s.broken_downloads -= 1;
        }
        (file, broken)
    };
    let Some(file) = file else {
        return error(404, "Not Found");
    };
    let whole = file.bytes.len();
    let body = if broken {
        // hyper keeps to the Content-Length and closes the connection when the body ends
        // short of it: the client reads half and then an error.
        let half = file.bytes[..whole / 2].to_vec();
        Body::from_stream(Body::from(half).into_data_stream())
    } else {
        Body::from(file.bytes)
    };
    let mut response = Response::new(body);
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(whole));
    response
}
