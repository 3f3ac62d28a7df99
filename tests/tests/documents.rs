//! Documents before the call, in the real `schalter chat` binary (`/attach PATH`): refused
//! without an appointment, asked which checklist item a file is, kept sealed, the same file
//! refused twice, a renamed executable, a PDF with JavaScript, a file over the limit and an
//! eleventh file refused with a reason, listed and removed under the appointment, listed by
//! `/mydata`, gone with `/forget`.

use std::path::{Path, PathBuf};

use schalter_tests::documents::{self, GPS_TAG};
use schalter_tests::terminal::{Chat, Desk, Printed, run};
use schalter_tests::{TestDb, scratch_dir};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write a test file");
    path
}

async fn attach(chat: &mut Chat, path: &Path) -> Printed {
    chat.send(&format!("/attach {}", path.display())).await
}

/// Books the Anmeldung (three documents) at the first free time.
async fn book_anmeldung(chat: &mut Chat, menu: &Printed) -> Printed {
    let services = chat
        .send(&menu.number_of("Termin buchen").to_string())
        .await;
    let checklist = chat
        .send(&services.number_of("Anmeldung einer Wohnung").to_string())
        .await;
    let days = chat
        .send(&checklist.number_of("Weiter zur Terminwahl").to_string())
        .await;
    assert!(days.options.len() > 2, "{days:#?}");
    let times = chat.send("1").await;
    assert!(times.options[0].contains(':'), "{times:#?}");
    let held = chat.send("1").await;
    let booked = chat
        .send(&held.number_of("Termin bestätigen").to_string())
        .await;
    assert_eq!(booked.references().len(), 1, "{booked:#?}");
    booked
}

#[tokio::test]
async fn documents_in_the_terminal() {
    let db = TestDb::sqlite().await;
    let dir = scratch_dir("schalter_documents");
    let landlord = write(
        &dir,
        "vermieter.pdf",
        &documents::pdf("Wohnungsgeberbestaetigung"),
    );
    let (mut chat, menu) = Chat::start(&db.url, "dora", Some("de")).await;

    // No appointment yet: nothing is kept, and the citizen is told to book first.
    let refused = attach(&mut chat, &landlord).await;
    assert!(refused.text.contains("keinen Termin"), "{refused:#?}");
    assert_eq!(db.store.documents().totals().await.unwrap(), (0, 0));

    let booked = book_anmeldung(&mut chat, &menu).await;
    let reference = booked.references()[0].clone();

    // A file without its item: kept, then the citizen says which it is.
    let which = attach(&mut chat, &landlord).await;
    assert!(which.text.contains("Datei"), "{which:#?}");
    assert!(which.text.contains("Welche Unterlage"), "{which:#?}");
    assert_eq!(db.store.documents().totals().await.unwrap(), (1, 1));
    let kept = chat
        .send(&which.number_of("Wohnungsgeberbestätigung").to_string())
        .await;
    assert!(kept.text.contains("liegt mir vor"), "{kept:#?}");
    assert!(kept.text.contains("Es fehlt noch"), "{kept:#?}");
    assert!(kept.text.contains("Meldeformular"), "{kept:#?}");
    assert!(
        kept.text.contains("✅ Wohnungsgeberbestätigung"),
        "{kept:#?}"
    );

    // The same file again: nothing stored twice.
    let twice = attach(&mut chat, &landlord).await;
    assert!(twice.text.contains("schon"), "{twice:#?}");
    assert_eq!(db.store.documents().totals().await.unwrap(), (1, 1));

    // Refusals, each with its reason; nothing kept.
    let exe = attach(
        &mut chat,
        &write(&dir, "scan.pdf", &documents::executable()),
    )
    .await;
    assert!(exe.text.contains("nur PDF-Dateien"), "{exe:#?}");
    let script = attach(
        &mut chat,
        &write(&dir, "form.pdf", &documents::pdf_with_javascript()),
    )
    .await;
    assert!(script.text.contains("Skript"), "{script:#?}");
    let mut big = documents::pdf("big");
    big.resize(10 * 1024 * 1024 + 1, b' ');
    let large = attach(&mut chat, &write(&dir, "big.pdf", &big)).await;
    assert!(large.text.contains("10 MB"), "{large:#?}");
    let missing = attach(&mut chat, &dir.join("nowhere.pdf")).await;
    assert!(missing.text.contains("nicht abrufen"), "{missing:#?}");
    assert_eq!(db.store.documents().totals().await.unwrap(), (1, 1));

    // The photo goes to the item the citizen chose to send; its GPS position is gone.
    let list = chat.send("/appointments").await;
    let detail = chat.send(&list.number_of(&reference).to_string()).await;
    let docs = chat
        .send(&detail.number_of("Unterlagen (1 von 3").to_string())
        .await;
    assert!(docs.text.contains("⬜ Personalausweis"), "{docs:#?}");
    let asked = chat
        .send(
            &docs
                .number_of("Personalausweis oder Reisepass senden")
                .to_string(),
        )
        .await;
    assert!(asked.text.contains("Bitte senden Sie jetzt"), "{asked:#?}");
    let photo = documents::photo_with_gps(1);
    let kept = attach(&mut chat, &write(&dir, "ausweis.jpg", &photo)).await;
    assert!(kept.text.contains("✅ Personalausweis"), "{kept:#?}");
    let rows = db
        .store
        .documents()
        .of_conversation(&"terminal:dora".parse().unwrap())
        .await
        .unwrap();
    let mut stored: Vec<_> = rows
        .iter()
        .map(|r| (r.item.as_str(), r.kind.as_str()))
        .collect();
    // Sent within a second: their order is not the test's business.
    stored.sort_unstable();
    assert_eq!(
        stored,
        [("id-card", "jpeg"), ("landlord-confirmation", "pdf")]
    );
    // Sealed at rest: neither file's bytes are in the database.
    for row in &rows {
        for chunk in db.store.documents().chunks(&row.id).await.unwrap() {
            assert!(!documents::contains(&chunk, b"Wohnungsgeberbestaetigung"));
            assert!(!documents::contains(&chunk, &GPS_TAG));
        }
    }

    // Removed from the list.
    let removed = chat
        .send(
            &kept
                .number_of("Personalausweis oder Reisepass löschen")
                .to_string(),
        )
        .await;
    assert!(removed.text.contains("gelöscht"), "{removed:#?}");
    assert!(removed.text.contains("⬜ Personalausweis"), "{removed:#?}");
    assert_eq!(db.store.documents().totals().await.unwrap(), (1, 1));

    // Ten files a booking at most: the eleventh is refused.
    let mut last = Printed::default();
    for n in 0..10 {
        last = attach(
            &mut chat,
            &write(
                &dir,
                &format!("p{n}.pdf"),
                &documents::pdf(&format!("page {n}")),
            ),
        )
        .await;
    }
    assert!(last.text.contains("schon 10 Dateien"), "{last:#?}");
    assert_eq!(db.store.documents().totals().await.unwrap().0, 10);

    // /mydata names them; /forget deletes them.
    let data = chat.send("/mydata").await;
    assert!(data.text.contains("Unterlage zum Termin"), "{data:#?}");
    assert!(data.text.contains("Wohnungsgeberbestätigung"), "{data:#?}");
    let ask = chat.send("/forget").await;
    let gone = chat
        .send(&ask.number_of("Ja, alles löschen").to_string())
        .await;
    assert!(!gone.text.is_empty());
    assert_eq!(db.store.documents().totals().await.unwrap(), (0, 0));
    assert!(chat.finish().await.success());
    let _ = std::fs::remove_dir_all(dir);
    db.drop_db().await;
}

/// The clerk at `schalter desk` sees which items have a document in the queue, gets the
/// files' paths at the pick (the same bytes the citizen sent), and they are gone after the
/// call; `document_days` after the appointment the purge deletes what the database kept.
#[tokio::test]
async fn the_clerk_at_the_terminal_desk_gets_the_files() {
    const CLERK: &str = "@anna:example.org";
    let db = TestDb::sqlite().await;
    let dir = scratch_dir("schalter_documents_desk");
    let env = |clock: &'static str| {
        vec![
            ("SCHALTER_CLOCK_START", clock),
            ("SCHALTER_MATRIX_CLERKS", CLERK),
        ]
    };
    // Tuesday 2 February 2027, 07:55: the 08:30 slot, and the landlord's confirmation.
    let (mut chat, menu) = Chat::start_with(
        &db.url,
        "eva",
        Some("de"),
        &env("2027-02-02T07:55:00+01:00"),
    )
    .await;
    let services = chat
        .send(&menu.number_of("Termin buchen").to_string())
        .await;
    let checklist = chat
        .send(&services.number_of("Anmeldung").to_string())
        .await;
    let days = chat
        .send(&checklist.number_of("Terminwahl").to_string())
        .await;
    let times = chat.send(&days.number_of("Dienstag").to_string()).await;
    let held = chat.send(&times.number_of("08:30").to_string()).await;
    let booked = chat.send(&held.number_of("bestätigen").to_string()).await;
    let reference = booked.references()[0].clone();
    let pdf = documents::pdf("Wohnungsgeberbestaetigung Eva");
    let which = attach(&mut chat, &write(&dir, "vermieter.pdf", &pdf)).await;
    chat.send(&which.number_of("Wohnungsgeberbestätigung").to_string())
        .await;
    assert!(chat.finish().await.success());

    // 08:25: Eva checks in; the clerk sees the item with its document and takes her.
    let (mut chat, resumed) =
        Chat::start_with(&db.url, "eva", None, &env("2027-02-02T08:25:00+01:00")).await;
    chat.send(&resumed.number_of("einchecken").to_string())
        .await;
    let (mut desk, _) = Desk::start(&db.url, CLERK, &env("2027-02-02T08:26:00+01:00")).await;
    let queue = desk.command("queue", &reference).await;
    assert!(queue.contains("📎 Wohnungsgeberbestätigung"), "{queue}");
    let picked = desk.command("next", "Aufgerufen").await;
    let path = picked
        .lines()
        .find_map(|l| l.strip_prefix("📎 Wohnungsgeberbestätigung.pdf: "))
        .unwrap_or_else(|| panic!("the file's path: {picked}"))
        .to_owned();
    assert!(path.ends_with("Wohnungsgeberbestätigung.pdf"), "{path}");
    assert_eq!(std::fs::read(&path).expect("the file is there"), pdf);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let folder = Path::new(&path).parent().and_then(Path::parent).unwrap();
        let mode = std::fs::metadata(folder).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "only the clerk's user may read it");
    }
    desk.command("done", "erledigt").await;
    assert!(!Path::new(&path).exists(), "gone after the call");
    assert!(chat.finish().await.success());

    // The day after, the document is still kept (document_days = 1); the day after that,
    // the purge deletes it.
    let purge = |clock: &'static str| {
        let url = db.url.clone();
        async move {
            let (ok, out, err) = run(
                &["purge"],
                &[
                    ("SCHALTER_DATABASE_URL", url.as_str()),
                    ("SCHALTER_CLOCK_START", clock),
                ],
                None,
            )
            .await;
            assert!(ok, "{out}\n{err}");
            out
        }
    };
    purge("2027-02-03T08:00:00+01:00").await;
    assert_eq!(db.store.documents().totals().await.unwrap(), (1, 1));
    let out = purge("2027-02-03T09:00:00+01:00").await;
    assert!(out.contains("documents"), "{out}");
    assert_eq!(db.store.documents().totals().await.unwrap(), (0, 0));
    let _ = std::fs::remove_dir_all(dir);
    db.drop_db().await;
}

/// Opens what the database keeps of a document with the key `schalter` made beside the
/// SQLite file, as the clerk's desk does.
async fn opened(db: &TestDb, id: &str) -> Vec<u8> {
    let path = db
        .url
        .strip_prefix("sqlite://")
        .expect("a SQLite test database");
    let hex = std::fs::read_to_string(format!("{path}.documents-key")).expect("the documents key");
    let key = schalter_core::documents::DocumentKey::from_hex(&hex).expect("a key");
    let chunks = db.store.documents().chunks(id).await.expect("chunks");
    key.open_all(id, &chunks).expect("opens with the key")
}

mod telegram {
    use super::*;
    use schalter_tests::Serve;
    use schalter_tests::telegram_emulator::{Emulator, TOKEN, TgUser};

    /// A PDF and a photo for the Anmeldung, each for the item chosen on the booking's
    /// documents; the photo's download breaks off halfway once and is tried again, answered
    /// once; a 50 MB file is refused without being downloaded.
    #[tokio::test]
    async fn a_pdf_and_a_photo_on_telegram() {
        let db = TestDb::sqlite().await;
        let emu = Emulator::start().await;
        let serve = Serve::start(&[
            ("SCHALTER_DATABASE_URL", db.url.as_str()),
            ("SCHALTER_TELEGRAM_TOKEN", TOKEN),
            ("SCHALTER_TELEGRAM_API_URL", emu.url.as_str()),
            ("SCHALTER_CLOCK_START", "2027-02-02T07:55:00+01:00"),
        ])
        .await;
        let greta = TgUser::new(5101, "Greta", Some("de"));
        let menu = emu.say_for_reply(&greta, "/start").await;
        let services = emu.press_for_reply(&greta, &menu, "menu:book").await;
        let checklist = emu
            .press_for_reply(&greta, &services, "svc:anmeldung")
            .await;
        let days = emu.press_for_reply(&greta, &checklist, "go:dates").await;
        let times = emu.press_for_reply(&greta, &days, &days.data("day:")).await;
        let held = emu
            .press_for_reply(&greta, &times, &times.data("time:"))
            .await;
        emu.press_for_reply(&greta, &held, "confirm").await;
        let list = emu.say_for_reply(&greta, "/appointments").await;
        let detail = emu
            .press_for_reply(&greta, &list, &list.data("appt:"))
            .await;
        let docs = emu.press_for_reply(&greta, &detail, "docs").await;
        assert!(
            docs.text.contains("⬜ Wohnungsgeberbestätigung"),
            "{docs:#?}"
        );

        let asked = emu
            .press_for_reply(&greta, &docs, "docsend:landlord-confirmation")
            .await;
        let pdf = documents::pdf("Wohnungsgeberbestaetigung Greta");
        let before = emu.last_id(greta.id);
        emu.send_document_file(&greta, &pdf, "Vermieter.pdf", "application/pdf");
        let kept = emu.wait_message(greta.id, before, |_| true).await;
        assert!(
            kept.text
                .contains("„Wohnungsgeberbestätigung“ liegt mir vor"),
            "{kept:#?} after {asked:#?}"
        );

        // The photo's first download breaks off halfway: tried again, answered once.
        let asked = emu.press_for_reply(&greta, &kept, "docsend:id-card").await;
        emu.break_downloads(1);
        let photo = documents::photo_with_gps(7);
        let before = emu.last_id(greta.id);
        emu.send_photo_file(&greta, &photo);
        let kept = emu
            .wait_message_within(greta.id, before, std::time::Duration::from_secs(60), |_| {
                true
            })
            .await;
        assert!(
            kept.text.contains("✅ Personalausweis"),
            "{kept:#?} after {asked:#?}"
        );
        assert_eq!(
            emu.downloads("photos/"),
            2,
            "one broken download and one whole"
        );
        tokio::time::sleep(std::time::Duration::from_secs(3)).await;
        assert_eq!(emu.last_id(greta.id), kept.message_id, "answered once");

        // 50 MB: refused by its declared size, never downloaded.
        let big = vec![b'%'; 50 * 1024 * 1024];
        let before = emu.last_id(greta.id);
        emu.send_document_file(&greta, &big, "scan.pdf", "application/pdf");
        let refused = emu.wait_message(greta.id, before, |_| true).await;
        assert!(refused.text.contains("größer als 10 MB"), "{refused:#?}");
        assert_eq!(emu.downloads("documents/file_2"), 0);

        // What is kept opens to the PDF as sent and the photo without its GPS position.
        let rows = db
            .store
            .documents()
            .of_conversation(&"telegram:5101".parse().unwrap())
            .await
            .unwrap();
        let mut rows = rows;
        rows.sort_by(|a, b| a.item.cmp(&b.item));
        let kinds: Vec<_> = rows
            .iter()
            .map(|r| (r.item.as_str(), r.kind.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [("id-card", "jpeg"), ("landlord-confirmation", "pdf")]
        );
        assert_eq!(opened(&db, &rows[1].id).await, pdf);
        let clean = opened(&db, &rows[0].id).await;
        assert!(
            !documents::contains(&clean, &GPS_TAG),
            "the GPS tag is gone"
        );
        assert!(
            !documents::contains(&clean, b"Exif"),
            "the EXIF block is gone"
        );
        assert!(clean.starts_with(&[0xFF, 0xD8]) && clean.ends_with(&[0xFF, 0xD9]));
        serve.kill().await;
        db.drop_db().await;
    }
}

/// 2 February 2027 at `t` (`HH:MM`), Heidelberg time.
fn feb2(t: &str) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339(&format!("2027-02-02T{t}:00+01:00"))
        .unwrap()
        .with_timezone(&chrono::Utc)
}

/// An engine at 08:00 on 2 February 2027 whose documents are sealed under `key`, and
/// `citizen`, started in German, with a confirmed certificate of good conduct at 10:00 (its
/// one document is the identity card): the engine, its clock and the booking's id.
async fn booked(
    db: &TestDb,
    key: &schalter_core::documents::DocumentKey,
    citizen: &schalter_core::ConversationId,
) -> (
    std::sync::Arc<schalter_core::Engine>,
    std::sync::Arc<schalter_core::clock::FixedClock>,
    String,
) {
    use schalter_core::Input;
    use schalter_core::store::HoldRequest;
    let (engine, clock) = schalter_tests::engine(&db.store, feb2("08:00"));
    engine.documents().unlock(key.clone());
    engine
        .dialogue()
        .handle_keyed(
            citizen,
            Some("k0"),
            Some("de"),
            Input::Text("/start".into()),
        )
        .await
        .unwrap();
    let start = feb2("10:00");
    let held = engine
        .store()
        .bookings()
        .hold(
            &HoldRequest {
                conversation_id: citizen,
                service: "fuehrungszeugnis",
                lang: "de",
                starts_at: start,
                ends_at: start + chrono::Duration::minutes(10),
                unit: chrono::Duration::minutes(10),
                desks: 1,
                checklist: &[],
                hold_until: feb2("08:05"),
            },
            feb2("08:00"),
        )
        .await
        .unwrap()
        .unwrap();
    engine
        .store()
        .bookings()
        .confirm(&held.id, feb2("08:00"))
        .await
        .unwrap();
    (engine, clock, held.id)
}

/// An input handled again — its answer lost in a crash, or the channel delivering it twice —
/// finds its document kept and stores nothing twice, on SQLite and PostgreSQL.
async fn handled_again(db: TestDb) {
    use schalter_core::Input;
    use schalter_core::dialogue::Fetched;
    let citizen = schalter_tests::conv("telegram:4242");
    let key = schalter_core::documents::DocumentKey::from_hex(&"ab".repeat(32)).unwrap();
    let (engine, _clock, booking) = booked(&db, &key, &citizen).await;
    let pdf = documents::pdf("Ausweis");
    let file = |key: &'static str, fetched: Fetched<'static>| {
        let engine = engine.clone();
        let citizen = citizen.clone();
        async move {
            engine
                .dialogue()
                .handle_file(&citizen, key, None, fetched)
                .await
                .unwrap()
                .reply
        }
    };
    let first = file("k1", Fetched::Bytes(pdf.clone())).await;
    assert!(
        first
            .text
            .contains("„Personalausweis oder Reisepass“ liegt mir vor"),
        "{}",
        first.text
    );
    assert!(
        first.text.contains("Alle Unterlagen sind da"),
        "{}",
        first.text
    );
    // The channel asks before fetching again: kept already.
    assert!(engine.documents().kept_for_input("k1").await.unwrap());
    assert_eq!(file("k1", Fetched::Kept).await, first);
    // The answer was lost (the conversation moved on meanwhile) and the file came again under
    // its key: kept once, answered as kept.
    engine
        .dialogue()
        .handle_keyed(&citizen, Some("k2"), None, Input::Text("/start".into()))
        .await
        .unwrap();
    let again = file("k1", Fetched::Bytes(pdf.clone())).await;
    assert!(again.text.contains("liegt mir vor"), "{}", again.text);
    assert_eq!(db.store.documents().totals().await.unwrap(), (1, 1));
    // Under a new key it is the same file again: refused as such.
    let twice = file("k3", Fetched::Bytes(pdf)).await;
    assert!(twice.text.contains("schon"), "{}", twice.text);
    assert_eq!(db.store.documents().totals().await.unwrap(), (1, 1));
    // The booking is cancelled: its documents go with it, at once.
    let booking = engine
        .store()
        .bookings()
        .booking(&booking)
        .await
        .unwrap()
        .unwrap();
    assert!(
        engine
            .store()
            .bookings()
            .cancel(&booking.id, &citizen, feb2("08:10"))
            .await
            .unwrap()
    );
    assert_eq!(db.store.documents().totals().await.unwrap(), (0, 0));
    db.drop_db().await;
}

#[tokio::test]
async fn handled_again_on_sqlite() {
    handled_again(TestDb::sqlite().await).await;
}

#[tokio::test]
async fn handled_again_on_postgres() {
    handled_again(TestDb::postgres().await).await;
}

/// A file read as it arrives: `at` bytes of `bytes`, then the read fails (a download broken
/// off), or all of it when `at` is past its end.
struct BreaksOff {
    bytes: Vec<u8>,
    read: usize,
    at: usize,
}

impl tokio::io::AsyncRead for BreaksOff {
    fn poll_read(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        let end = self.bytes.len().min(self.at);
        if self.read >= end && end < self.bytes.len() {
            return std::task::Poll::Ready(Err(std::io::Error::other("connection reset")));
        }
        // Small pieces, as a network gives them.
        let n = buf.remaining().min(end - self.read).min(16 * 1024);
        buf.put_slice(&self.bytes[self.read..self.read + n]);
        self.read += n;
        std::task::Poll::Ready(Ok(()))
    }
}

/// A file's chunks are written as it arrives: a download broken off after several chunks
/// leaves nothing behind and the input fails (to be tried again), the same file read whole
/// then is kept and opens to the bytes sent; an arrival whose process died is purged an hour
/// after it began, not before.
async fn arrivals(db: TestDb) {
    use schalter_core::dialogue::Fetched;
    let citizen = schalter_tests::conv("telegram:4343");
    let key = schalter_core::documents::DocumentKey::from_hex(&"cd".repeat(32)).unwrap();
    let (engine, _clock, _booking) = booked(&db, &key, &citizen).await;
    // A scan of 3 MB: thirteen chunks.
    let pdf = documents::scanned_pdf("Ausweis", 1024, 3072, 7);
    let sealed = pdf.len().div_ceil(schalter_core::documents::CHUNK) as i64;
    let chunks = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM document_chunks")
            .fetch_one(db.store.pool())
            .await
            .unwrap()
    };
    let uploads = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM document_uploads")
            .fetch_one(db.store.pool())
            .await
            .unwrap()
    };
    let broken = BreaksOff {
        bytes: pdf.clone(),
        read: 0,
        at: 2 << 20,
    };
    let failed = engine
        .dialogue()
        .handle_file(&citizen, "a1", None, Fetched::Reading(Box::new(broken)))
        .await;
    assert!(failed.is_err(), "a broken download fails the input");
    assert_eq!((chunks().await, uploads().await), (0, 0), "nothing left");
    let whole = BreaksOff {
        bytes: pdf.clone(),
        read: 0,
        at: usize::MAX,
    };
    let kept = engine
        .dialogue()
        .handle_file(&citizen, "a1", None, Fetched::Reading(Box::new(whole)))
        .await
        .unwrap()
        .reply;
    assert!(kept.text.contains("liegt mir vor"), "{}", kept.text);
    let rows = db
        .store
        .documents()
        .of_conversation(&citizen)
        .await
        .unwrap();
    assert_eq!(rows.len(), 1);
    let sealed_chunks = db.store.documents().chunks(&rows[0].id).await.unwrap();
    assert_eq!(key.open_all(&rows[0].id, &sealed_chunks).unwrap(), pdf);
    assert_eq!((chunks().await, uploads().await), (sealed, 0));

    // A process killed while a file arrived: its arrival and two chunks stay behind.
    let documents = db.store.documents();
    documents.arriving("deadbeef", feb2("08:30")).await.unwrap();
    documents
        .arriving_chunk("deadbeef", 0, vec![1; 100])
        .await
        .unwrap();
    documents
        .arriving_chunk("deadbeef", 1, vec![2; 100])
        .await
        .unwrap();
    let purge = |now| {
        let store = db.store.clone();
        async move {
            let cutoffs = schalter_core::store::Cutoffs::new(
                now,
                &schalter_core::catalog::Retention::default(),
            );
            store.retention().purge(&cutoffs, 100).await.unwrap()
        }
    };
    purge(feb2("09:00")).await;
    assert_eq!(
        (chunks().await, uploads().await),
        (sealed + 2, 1),
        "still arriving"
    );
    purge(feb2("09:31")).await;
    assert_eq!(
        (chunks().await, uploads().await),
        (sealed, 0),
        "abandoned: gone"
    );
    assert_eq!(db.store.documents().totals().await.unwrap(), (1, sealed));
    db.drop_db().await;
}

#[tokio::test]
async fn arrivals_on_sqlite() {
    arrivals(TestDb::sqlite().await).await;
}

#[tokio::test]
async fn arrivals_on_postgres() {
    arrivals(TestDb::postgres().await).await;
}
