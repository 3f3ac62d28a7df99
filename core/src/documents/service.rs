//! [`Documents`]: what the office keeps of the files citizens send, and what it gives the
//! clerk. A file is checked ([`check`]), sealed ([`DocumentKey`]) and stored in one
//! transaction under the key of the input that brought it, before the citizen is told it
//! arrived; an input handled twice finds its document and stores nothing again.
//!
//! Stored in the database, both on SQLite and PostgreSQL, rather than in a directory beside
//! SQLite's file: one transaction keeps a file with its booking and its input key (so a process
//! killed in between leaves either both or neither), a backup of the database is a backup of
//! the documents, replicas on PostgreSQL share them without a shared disk, and the purge and
//! `/forget` delete them with the same statements as the rest.

use std::sync::{Arc, OnceLock};

use tokio::io::{AsyncRead, AsyncReadExt};

use super::Refusal;
use super::intake::{Arrived, Intake};
use super::sealed::DocumentKey;
use crate::channel::ConversationId;
use crate::error::EngineError;
use crate::office::Office;
use crate::store::{DocumentRow, Kept, NewDocument, Store};

/// Bytes read from a channel at a time.
const PIECE: usize = 64 * 1024;

/// Why a document was not kept, beyond what [`check`] refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotKept {
    /// The file failed the check.
    Check(Refusal),
    /// The citizen has no appointment that documents could be for.
    NoBooking,
    /// The booking has the most files it may have.
    Full { max: u32 },
    /// The booking has this very file already, for `item` (empty: not said yet).
    Duplicate { item: String },
    /// The channel could not fetch the file and never will (it is gone).
    Unavailable,
    /// This office takes no documents: no documents key is configured.
    Off,
}

impl NotKept {
    /// The message of `locales/*/documents.ftl` that says why and what to do instead.
    pub fn message_id(&self) -> &'static str {
        match self {
            NotKept::Check(r) => r.message_id(),
            NotKept::NoBooking => "document-refused-no-booking",
            NotKept::Full { .. } => "document-refused-full",
            NotKept::Duplicate { .. } => "document-refused-duplicate",
            NotKept::Unavailable => "document-refused-unavailable",
            NotKept::Off => "document-refused-off",
        }
    }
}

/// What became of a file a citizen sent, as the dialogue answers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Received {
    Kept {
        document: String,
        booking: String,
        /// The checklist item; empty: the citizen is asked which.
        item: String,
        replaced: bool,
    },
    NotKept(NotKept),
}

/// See the module.
#[derive(Clone)]
pub struct Documents {
    office: Office,
    store: Store,
    key: Arc<OnceLock<DocumentKey>>,
}

impl Documents {
    pub(crate) fn new(office: Office, store: Store) -> Self {
        Self {
            office,
            store,
            key: Arc::default(),
        }
    }

    /// Takes documents from now on, sealed under `key` (once per process; a second key is
    /// ignored, so it cannot change under stored files).
    pub fn unlock(&self, key: DocumentKey) {
        let _ = self.key.set(key);
    }

    /// Whether documents are taken (a key is configured).
    pub fn enabled(&self) -> bool {
        self.key.get().is_some()
    }

    /// The largest file taken, in bytes (the catalogue's `[uploads] max_file_mb`): a channel
    /// refuses a larger one before fetching it, and stops fetching past it.
    pub fn max_bytes(&self) -> usize {
        self.office.catalog().uploads.max_bytes()
    }

    /// Whether the input `key` brought a document that is kept: its file need not be
    /// fetched again.
    pub async fn kept_for_input(&self, key: &str) -> Result<bool, EngineError> {
        Ok(self.store.documents().by_input(key).await?.is_some())
    }

    /// Checks, seals and keeps the file `file` reads for the checklist `item` (empty: not said
    /// yet) of `booking`, under the input `key`, a piece at a time as it is read: each chunk is
    /// written sealed as soon as it is complete, and the document's row, committed once the
    /// whole file passed, makes them a document. A read that fails is an error (the channel
    /// tries again); what was written of the file goes.
    pub(crate) async fn keep(
        &self,
        conversation: &ConversationId,
        key: &str,
        booking: &str,
        item: &str,
        file: &mut (dyn AsyncRead + Send + Unpin),
    ) -> Result<Received, EngineError> {
        let Some(sealer) = self.key.get() else {
            return Ok(Received::NotKept(NotKept::Off));
        };
        let documents = self.store.documents();
        if let Some(row) = documents.by_input(key).await? {
            return Ok(kept(row, false));
        }
        let id = hex::encode(rand::random::<[u8; 16]>());
        documents.arriving(&id, self.office.now()).await?;
        let mut intake = Intake::new(sealer, &id, self.max_bytes());
        let arrived = self.arrive(&mut intake, file, &id).await;
        let received = intake.received() as u64;
        let outcome = match arrived {
            Ok(Ok(arrived)) => {
                self.settle(conversation, key, booking, item, &id, arrived)
                    .await
            }
            Ok(Err(refusal)) => self.refused(refusal, received).await,
            Err(e) => Err(e),
        };
        if !matches!(outcome, Ok(Received::Kept { document: ref d, .. }) if *d == id) {
            // Best effort: what is left goes with the purge of abandoned arrivals.
            if let Err(e) = documents.abandon(&id).await {
                tracing::warn!(target: "documents", error = %e, "an arrival left to the purge");
            }
        }
        outcome
    }

    /// Reads the file through the intake, writing each sealed chunk as it is complete. The
    /// reading (the download, the check, the sealing) and the writing go on side by side, one
    /// chunk apart: a 10 MB file costs about the longer of the two rather than their sum, and
    /// at most two sealed chunks wait at any time.
    async fn arrive(
        &self,
        intake: &mut Intake<'_>,
        file: &mut (dyn AsyncRead + Send + Unpin),
        id: &str,
    ) -> Result<Result<Arrived, Refusal>, EngineError> {
        let documents = self.store.documents();
        let (sealed, mut to_write) = tokio::sync::mpsc::channel::<(i64, Vec<u8>)>(1);
        let write = async move {
            while let Some((seq, chunk)) = to_write.recv().await {
                documents.arriving_chunk(id, seq, chunk).await?;
            }
            Ok::<_, EngineError>(())
        };
        let read = async move {
            // The writer stopped: its error is the one to give.
            let stopped = || EngineError::Internal("the chunks' writer stopped".into());
            let mut piece = vec![0; PIECE];
            loop {
                let n = file
                    .read(&mut piece)
                    .await
                    .map_err(|e| EngineError::Fetch(e.to_string()))?;
                if n == 0 {
                    break;
                }
                let chunks = match intake.feed(&piece[..n]) {
                    Ok(chunks) => chunks,
                    Err(refusal) => return Ok(Err(refusal)),
                };
                for chunk in chunks {
                    sealed.send(chunk).await.map_err(|_| stopped())?;
                }
            }
            let mut arrived = match intake.finish() {
                Ok(arrived) => arrived,
                Err(refusal) => return Ok(Err(refusal)),
            };
            for chunk in std::mem::take(&mut arrived.last) {
                sealed.send(chunk).await.map_err(|_| stopped())?;
            }
            Ok(Ok(arrived))
        };
        let (read, write) = tokio::join!(read, write);
        write?;
        read
    }

    /// A file that failed its check: counted, and told.
    async fn refused(&self, refusal: Refusal, received: u64) -> Result<Received, EngineError> {
        self.office.metrics().document("refused", received);
        self.store
            .documents()
            .count_refused(&self.day(), i64::try_from(received).unwrap_or(i64::MAX))
            .await?;
        Ok(Received::NotKept(NotKept::Check(refusal)))
    }

    /// A file that arrived whole and passed: its row, unless the input brought one before,
    /// the booking has it already or has as many as it may.
    async fn settle(
        &self,
        conversation: &ConversationId,
        key: &str,
        booking: &str,
        item: &str,
        id: &str,
        arrived: Arrived,
    ) -> Result<Received, EngineError> {
        let uploads = self.office.catalog().uploads;
        let outcome = arrived.kind.name();
        let day = self.day();
        let doc = NewDocument {
            id,
            booking_id: booking,
            conversation_id: conversation,
            item,
            kind: outcome,
            size: i64::try_from(arrived.size).unwrap_or(i64::MAX),
            digest: &arrived.digest,
            input_key: key,
            day: &day,
            max_files: i64::from(uploads.max_files),
        };
        Ok(
            match self.store.documents().keep(&doc, self.office.now()).await? {
                Kept::Stored { row, replaced } => {
                    self.office.metrics().document(outcome, arrived.size as u64);
                    kept(row, replaced)
                }
                Kept::Again(row) => kept(row, false),
                Kept::Duplicate(row) => Received::NotKept(NotKept::Duplicate { item: row.item }),
                Kept::Full => Received::NotKept(NotKept::Full {
                    max: uploads.max_files,
                }),
                Kept::Lost => Received::NotKept(NotKept::Unavailable),
            },
        )
    }

    /// Today in the office's time zone (`YYYY-MM-DD`), the day a file is counted on.
    fn day(&self) -> String {
        self.office
            .now()
            .with_timezone(&self.office.tz())
            .date_naive()
            .to_string()
    }
    /// A booking's documents, oldest first (without their bytes).
    pub async fn of_booking(&self, booking: &str) -> Result<Vec<DocumentRow>, EngineError> {
        Ok(self.store.documents().of_booking(booking).await?)
    }

    /// Says which item a document is for (the one the item had goes). `false`: it is gone.
    pub(crate) async fn assign(&self, document: &str, item: &str) -> Result<bool, EngineError> {
        Ok(self.store.documents().assign(document, item).await?)
    }

    /// Deletes a document. `false`: it was gone.
    pub(crate) async fn remove(&self, document: &str) -> Result<bool, EngineError> {
        Ok(self.store.documents().remove(document).await?)
    }

    /// A booking's documents for the clerk at the pick, without their bytes: those whose item
    /// is known, in the order of the service's checklist, then the others. Each is opened with
    /// [`Self::open`] as it is handed over, so a call's files are held one at a time.
    pub async fn for_call(&self, booking: &str) -> Result<Vec<DocumentRow>, EngineError> {
        if self.key.get().is_none() {
            return Ok(Vec::new());
        }
        let mut rows = self.store.documents().of_booking(booking).await?;
        if let Some(b) = self.store.bookings().booking(booking).await? {
            let catalog = self.office.catalog();
            let order = catalog
                .services
                .iter()
                .find(|s| s.id == b.service)
                .map(|s| s.documents.clone())
                .unwrap_or_default();
            rows.sort_by_key(|r| {
                order
                    .iter()
                    .position(|d| *d == r.item)
                    .unwrap_or(usize::MAX)
            });
        }
        Ok(rows)
    }

    /// A document's bytes, opened for the clerk; `None` if it is gone meanwhile or does not
    /// open (sealed under another key: logged).
    pub async fn open(&self, row: &DocumentRow) -> Result<Option<Vec<u8>>, EngineError> {
        let Some(sealer) = self.key.get() else {
            return Ok(None);
        };
        let chunks = self.store.documents().chunks(&row.id).await?;
        Ok(match sealer.open_all(&row.id, &chunks) {
            Ok(bytes) => Some(bytes),
            Err(e) => {
                tracing::warn!(target: "documents", error = %e, "a document left out");
                None
            }
        })
    }

    /// The name a document is shown under: its checklist item in `lang` (or "document") and
    /// the kind's extension, e.g. `Wohnungsgeberbestätigung.pdf`; a second of the same name
    /// gets ` (2)`.
    pub fn file_names(&self, lang: crate::i18n::Lang, rows: &[DocumentRow]) -> Vec<String> {
        let mut seen: Vec<String> = Vec::new();
        rows.iter()
            .map(|row| {
                let stem = match row.item.as_str() {
                    "" => self.office.i18n().text(lang, "document-unnamed"),
                    item => self
                        .office
                        .i18n()
                        .text(lang, &crate::catalog::document_name_id(item)),
                };
                // Nothing a file system or a client would take for a path.
                let stem: String = stem
                    .chars()
                    .map(|c| {
                        if c.is_alphanumeric() || c == ' ' || c == '-' {
                            c
                        } else {
                            '_'
                        }
                    })
                    .collect();
                let ext = super::Kind::from_name(&row.kind).map_or("bin", super::Kind::extension);
                let base = format!("{stem}.{ext}");
                let n = seen.iter().filter(|s| **s == base).count();
                seen.push(base.clone());
                match n {
                    0 => base,
                    n => format!("{stem} ({}).{ext}", n + 1),
                }
            })
            .collect()
    }

    /// Files and bytes per office day and outcome, from `days` ago on, newest first.
    pub async fn stats(&self, days: i64) -> Result<Vec<(String, String, i64, i64)>, EngineError> {
        let since = (self
            .office
            .now()
            .with_timezone(&self.office.tz())
            .date_naive()
            - chrono::Duration::days(days.max(0)))
        .to_string();
        Ok(self.store.documents().stats(&since).await?)
    }
}

fn kept(row: DocumentRow, replaced: bool) -> Received {
    Received::Kept {
        document: row.id,
        booking: row.booking_id,
        item: row.item,
        replaced,
    }
}
