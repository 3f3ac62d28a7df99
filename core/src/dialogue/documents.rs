//! Documents for a booking's checklist in the conversation: a file arrives (kept or refused,
//! see [`crate::documents`]), the citizen says which item it is for if that is not clear,
//! and lists, replaces and removes what they sent (`/appointments` → the booking →
//! documents).

use super::screens::{Screen, choice};
use super::{Conversation, Dialogue, Notices, State, format};
use crate::action::Action;
use crate::catalog::document_name_id;
use crate::channel::ConversationId;
use crate::documents::{NotKept, Received};
use crate::error::EngineError;
use crate::fargs;
use crate::i18n::Lang;
use crate::store::Booking;

/// What a channel got of a file the citizen sent.
pub enum Fetched<'a> {
    /// Its bytes, whole (a test, or a channel whose library gives nothing else).
    Bytes(Vec<u8>),
    /// Its bytes as the channel reads them (a download, an upload, a file): checked, sealed
    /// and written a piece at a time, never held whole. A read that fails makes the input
    /// fail, to be tried again.
    Reading(Box<dyn tokio::io::AsyncRead + Send + Unpin + 'a>),
    /// Nothing: the document this input brought is kept already (a redelivered input).
    Kept,
    /// Nothing: the channel says it is larger than the documents' limit.
    TooLarge,
    /// Nothing: the channel cannot give it and never will.
    Gone,
    /// Nothing: the citizen has no appointment a file could be for, so it was not fetched
    /// (see [`Dialogue::takes_files`]).
    NotFetched,
}

impl std::fmt::Debug for Fetched<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Fetched::Bytes(_) => "Bytes(…)",
            Fetched::Reading(_) => "Reading(…)",
            Fetched::Kept => "Kept",
            Fetched::TooLarge => "TooLarge",
            Fetched::Gone => "Gone",
            Fetched::NotFetched => "NotFetched",
        })
    }
}

impl Dialogue {
    /// A file the citizen sent with the input `key`, fetched by the channel: kept for the
    /// booking and item the citizen is on (or their next appointment), then answered like any
    /// input (a repeated key gives the stored reply). The file is stored before the reply is.
    pub async fn handle_file(
        &self,
        conversation: &ConversationId,
        key: &str,
        lang_hint: Option<&str>,
        fetched: Fetched<'_>,
    ) -> Result<super::Keyed, EngineError> {
        let turn = self.turn(conversation);
        let _turn = turn.lock().await;
        let received = self.receive(conversation, key, fetched).await?;
        super::again_on_conflict(|| {
            self.handle_turn(
                conversation,
                Some(key),
                lang_hint,
                super::Input::Document(received.clone()),
                super::Turn::Plain,
            )
        })
        .await
    }

    /// A file from a page that shows the conversation (the web chat), as
    /// [`Self::handle_shown`] takes an answer: `said` is what the page shows of it (its name),
    /// written into the transcript with the reply and the state. `None` for a conversation
    /// that was never started (a token nobody was given): nothing is kept then.
    pub async fn handle_file_shown(
        &self,
        conversation: &ConversationId,
        key: &str,
        fetched: Fetched<'_>,
        said: &str,
    ) -> Result<Option<super::Keyed>, EngineError> {
        let turn = self.turn(conversation);
        let _turn = turn.lock().await;
        if self
            .store
            .conversations()
            .cached_conversation(conversation)
            .await?
            .is_none()
        {
            return Ok(None);
        }
        let received = self.receive(conversation, key, fetched).await?;
        let keyed = super::again_on_conflict(|| {
            self.handle_turn(
                conversation,
                Some(key),
                None,
                super::Input::Document(received.clone()),
                super::Turn::Shown(Some(said)),
            )
        })
        .await?;
        if !keyed.shown.is_empty() {
            self.transcript.grew(conversation, &keyed.shown);
        }
        Ok(Some(keyed))
    }

    /// What becomes of a fetched file: kept for its booking and item (stored before this
    /// returns), or why not. Called under the conversation's turn.
    async fn receive(
        &self,
        conversation: &ConversationId,
        key: &str,
        fetched: Fetched<'_>,
    ) -> Result<Received, EngineError> {
        Ok(match fetched {
            _ if !self.documents.enabled() => Received::NotKept(NotKept::Off),
            Fetched::TooLarge => {
                let max_bytes = self.documents.max_bytes();
                Received::NotKept(NotKept::Check(crate::documents::Refusal::TooLarge {
                    max_bytes,
                }))
            }
            Fetched::Gone => Received::NotKept(NotKept::Unavailable),
            Fetched::NotFetched => Received::NotKept(NotKept::NoBooking),
            Fetched::Kept => match self.store.documents().by_input(key).await? {
                Some(row) => Received::Kept {
                    document: row.id,
                    booking: row.booking_id,
                    item: row.item,
                    replaced: false,
                },
                None => Received::NotKept(NotKept::Unavailable),
            },
            Fetched::Bytes(bytes) => {
                self.keep_file(conversation, key, &mut std::io::Cursor::new(bytes))
                    .await?
            }
            Fetched::Reading(mut file) => self.keep_file(conversation, key, &mut file).await?,
        })
    }

    /// Keeps the file for the booking and item the citizen is on, if there is one.
    async fn keep_file(
        &self,
        conversation: &ConversationId,
        key: &str,
        file: &mut (dyn tokio::io::AsyncRead + Send + Unpin),
    ) -> Result<Received, EngineError> {
        Ok(match self.document_target(conversation).await? {
            None => Received::NotKept(NotKept::NoBooking),
            Some((booking, item)) => {
                self.documents
                    .keep(conversation, key, &booking.id, &item, file)
                    .await?
            }
        })
    }

    /// Whether a file the citizen sends now would have an appointment to go to: a channel
    /// asks before it downloads one, and fetches nothing for a citizen without any.
    pub async fn takes_files(&self, conversation: &ConversationId) -> Result<bool, EngineError> {
        Ok(self.document_target(conversation).await?.is_some())
    }

    /// The booking and item a file is for: the ones the citizen is on, else their next
    /// appointment by video with a checklist; the item is empty unless the citizen chose it or
    /// the checklist has one document only.
    async fn document_target(
        &self,
        conversation: &ConversationId,
    ) -> Result<Option<(Booking, String)>, EngineError> {
        let (on, item) = match self.load(conversation).await?.map(|c| c.state) {
            Some(State::Documents { booking, item }) => (Some(booking), item),
            Some(State::Appointment { booking } | State::WhichDocument { booking, .. }) => {
                (Some(booking), None)
            }
            _ => (None, None),
        };
        let now = self.office.now();
        let takes = |b: &Booking| {
            b.conversation_id.as_ref() == Some(conversation)
                && b.status == crate::store::BookingStatus::Confirmed
                && b.ends_at > now
                && !self.checklist_of(b).is_empty()
        };
        let booking = match on {
            Some(id) => self.store.bookings().booking(&id).await?.filter(takes),
            None => None,
        };
        let booking = match booking {
            Some(b) => Some(b),
            None => self
                .store
                .bookings()
                .upcoming_bookings(conversation, now)
                .await?
                .into_iter()
                .find(takes),
        };
        Ok(booking.map(|b| {
            let items = self.checklist_of(&b);
            let item = match (item, items.as_slice()) {
                (Some(item), _) if items.contains(&item) => item,
                (_, [only]) => only.clone(),
                _ => String::new(),
            };
            (b, item)
        }))
    }

    /// The checklist of a booking's service when it is done by video (empty otherwise).
    fn checklist_of(&self, booking: &Booking) -> Vec<String> {
        self.office
            .catalog()
            .services
            .iter()
            .find(|s| s.id == booking.service && s.video)
            .map(|s| s.documents.clone())
            .unwrap_or_default()
    }

    /// The dialogue's answer to what became of a file.
    pub(super) async fn document_received(
        &self,
        conv: &mut Conversation,
        received: Received,
        notices: &mut Notices,
    ) -> Result<(), EngineError> {
        let lang = conv.lang.unwrap_or(Lang::REFERENCE);
        let i18n = self.office.i18n();
        match received {
            Received::NotKept(why) => {
                let args = match &why {
                    NotKept::Check(crate::documents::Refusal::TooLarge { max_bytes }) => {
                        fargs!["mb" => max_bytes / (1024 * 1024)]
                    }
                    NotKept::Full { max } => fargs!["max" => *max],
                    NotKept::Duplicate { item } if !item.is_empty() => {
                        fargs!["document" => i18n.text(lang, &document_name_id(item))]
                    }
                    _ => fargs![],
                };
                let id = match &why {
                    NotKept::Duplicate { item } if !item.is_empty() => {
                        "document-refused-duplicate-of"
                    }
                    other => other.message_id(),
                };
                notices.push(i18n.msg(lang, id, &args));
            }
            Received::Kept {
                document,
                booking,
                item,
                replaced,
            } => {
                if item.is_empty() {
                    notices.push(i18n.text(lang, "document-arrived"));
                    conv.state = State::WhichDocument { booking, document };
                } else {
                    self.store.bookings().tick(&booking, &item, true).await?;
                    notices.push(self.kept_notice(lang, &booking, &item, replaced).await?);
                    conv.state = State::Documents {
                        booking,
                        item: None,
                    };
                }
            }
        }
        Ok(())
    }

    /// "Thank you, X is here" and what is still missing.
    async fn kept_notice(
        &self,
        lang: Lang,
        booking: &str,
        item: &str,
        replaced: bool,
    ) -> Result<String, EngineError> {
        let i18n = self.office.i18n();
        let name = i18n.text(lang, &document_name_id(item));
        let mut text = i18n.msg(
            lang,
            if replaced {
                "document-kept-replaced"
            } else {
                "document-kept"
            },
            &fargs!["document" => name],
        );
        if let Some(b) = self.store.bookings().booking(booking).await? {
            let sent = self.documents.of_booking(booking).await?;
            let missing: Vec<String> = self
                .checklist_of(&b)
                .iter()
                .filter(|d| !sent.iter().any(|s| s.item == **d))
                .map(|d| i18n.text(lang, &document_name_id(d)))
                .collect();
            text.push('\n');
            text.push_str(&if missing.is_empty() {
                i18n.text(lang, "document-all-sent")
            } else {
                i18n.msg(
                    lang,
                    "document-still-missing",
                    &fargs!["documents" => missing.join(", ")],
                )
            });
        }
        Ok(text)
    }

    /// The citizen said which item a file is for.
    pub(super) async fn document_is(
        &self,
        lang: Lang,
        booking: String,
        document: &str,
        item: &str,
        notices: &mut Notices,
    ) -> Result<State, EngineError> {
        if self.documents.assign(document, item).await? {
            self.store.bookings().tick(&booking, item, true).await?;
            notices.push(self.kept_notice(lang, &booking, item, false).await?);
        } else {
            notices.push(self.office.i18n().text(lang, "document-gone"));
        }
        Ok(State::Documents {
            booking,
            item: None,
        })
    }

    /// The citizen removes the document of an item.
    pub(super) async fn remove_document(
        &self,
        lang: Lang,
        booking: String,
        item: &str,
        notices: &mut Notices,
    ) -> Result<State, EngineError> {
        let mut removed = false;
        for row in self.documents.of_booking(&booking).await? {
            if row.item == item {
                removed |= self.documents.remove(&row.id).await?;
            }
        }
        let i18n = self.office.i18n();
        if removed {
            self.store.bookings().tick(&booking, item, false).await?;
            notices.push(i18n.msg(
                lang,
                "document-removed",
                &fargs!["document" => i18n.text(lang, &document_name_id(item))],
            ));
        } else {
            notices.push(i18n.text(lang, "document-gone"));
        }
        Ok(State::Documents {
            booking,
            item: None,
        })
    }

    /// The option on an appointment's detail that leads to its documents, if its service
    /// takes any.
    pub(super) async fn documents_option(
        &self,
        lang: Lang,
        booking: &Booking,
    ) -> Result<Option<crate::message::Choice>, EngineError> {
        let items = self.checklist_of(booking);
        if items.is_empty() || !self.documents.enabled() {
            return Ok(None);
        }
        let sent = self.documents.of_booking(&booking.id).await?;
        let done = items
            .iter()
            .filter(|d| sent.iter().any(|s| s.item == **d))
            .count();
        Ok(Some(choice(
            Action::OpenDocuments,
            self.office.i18n().msg(
                lang,
                "option-documents",
                &fargs!["sent" => done, "total" => items.len()],
            ),
        )))
    }

    /// A booking's documents: each item sent or missing, the file waiting for its item, and
    /// the options to send, replace or remove.
    pub(super) async fn documents_screen(
        &self,
        lang: Lang,
        booking: &Booking,
        asked: Option<&str>,
        which: Option<&str>,
    ) -> Result<Screen, EngineError> {
        let i18n = self.office.i18n();
        let items = self.checklist_of(booking);
        let sent = self.documents.of_booking(&booking.id).await?;
        let date = format::date(
            i18n,
            lang,
            super::screens::local_date(booking.starts_at, self.office.tz()),
        );
        let mut lines = vec![i18n.msg(
            lang,
            "document-list-title",
            &fargs![
                "reference" => booking.reference.clone(),
                "service" => self.office.service_name(lang, &booking.service),
                "date" => date,
            ],
        )];
        let mut options = Vec::new();
        if let Some(document) = which {
            // A file waits for its item: the question first.
            let size = sent.iter().find(|r| r.id == document).map_or(0, |r| r.size);
            lines = vec![i18n.msg(
                lang,
                "document-which-prompt",
                &fargs!["size" => format::size(i18n, lang, size)],
            )];
            for item in &items {
                options.push(choice(
                    Action::DocumentIs(item.clone()),
                    i18n.text(lang, &document_name_id(item)),
                ));
            }
            options.extend(self.nav(lang, true));
            return Ok(Screen {
                text: lines.join("\n"),
                options,
            });
        }
        // The call comes first once its check-in is open.
        let (opens, closes) = self.room.check_in_window(booking);
        let now = self.office.now();
        if opens <= now && now < closes {
            options.push(choice(
                Action::CheckIn(booking.id.clone()),
                i18n.text(lang, "option-check-in"),
            ));
        }
        for item in &items {
            let name = i18n.text(lang, &document_name_id(item));
            match sent.iter().find(|r| r.item == *item) {
                Some(row) => {
                    lines.push(i18n.msg(
                        lang,
                        "document-list-sent",
                        &fargs!["document" => name.clone(), "size" => format::size(i18n, lang, row.size)],
                    ));
                    options.push(choice(
                        Action::SendDocument(item.clone()),
                        i18n.msg(
                            lang,
                            "option-replace-document",
                            &fargs!["document" => name.clone()],
                        ),
                    ));
                    options.push(choice(
                        Action::RemoveDocument(item.clone()),
                        i18n.msg(lang, "option-remove-document", &fargs!["document" => name]),
                    ));
                }
                None => {
                    lines.push(i18n.msg(
                        lang,
                        "document-list-missing",
                        &fargs!["document" => name.clone()],
                    ));
                    options.push(choice(
                        Action::SendDocument(item.clone()),
                        i18n.msg(lang, "option-send-document", &fargs!["document" => name]),
                    ));
                }
            }
        }
        let uploads = self.office.catalog().uploads;
        lines.push(String::new());
        lines.push(match asked {
            Some(item) => i18n.msg(
                lang,
                "document-send-prompt",
                &fargs!["document" => i18n.text(lang, &document_name_id(item))],
            ),
            None => i18n.msg(
                lang,
                "document-list-hint",
                &fargs!["mb" => uploads.max_file_mb, "max" => uploads.max_files],
            ),
        });
        options.extend(self.nav(lang, true));
        Ok(Screen {
            text: lines.join("\n"),
            options,
        })
    }
}
