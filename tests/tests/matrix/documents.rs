//! Documents end to end: a citizen in an encrypted Matrix direct chat (real Synapse, real
//! media upload, decrypted by the bot) and a Telegram citizen (the emulator serving real
//! downloads through `getFile`) each send a PDF and a photo for their Anmeldung; at each `!next`
//! the clerk's client finds both files in the call's room, named by their checklist item, and
//! decrypts them to the bytes the citizen sent (the photo without its GPS tag); at `!done` they
//! are redacted; `document_days` after the appointment the purge deletes what the database kept.
//! The bot is a server admin here: the media repository keeps neither the Matrix citizen's
//! originals (deleted once their sealed copies are kept) nor the copies sent into the call
//! rooms. Greta's device check (reported as its page does, the microphone failing) shows in
//! the desk room's live queue.

use schalter_tests::documents::{self, GPS_TAG};
use schalter_tests::matrix_client::TestClient;
use schalter_tests::telegram_emulator::{Emulator, TOKEN, TgUser};
use schalter_tests::terminal::run;

use crate::PASSWORD;
use crate::office::Office;

/// What one citizen sent, as the clerk should get it.
struct Sent {
    pdf: Vec<u8>,
    photo: Vec<u8>,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pdf_and_a_photo_reach_the_clerk_in_the_call_room() {
    let office = Office::open(&[]).await;
    let root = office.synapse.admin_token("root", PASSWORD).await;
    office.synapse.make_admin(&root, &office.bot).await;
    let emu = Emulator::start().await;
    let telegram = [
        ("SCHALTER_TELEGRAM_TOKEN", TOKEN),
        ("SCHALTER_TELEGRAM_API_URL", emu.url.as_str()),
    ];
    let at = |clock: &'static str| {
        let mut env = telegram.to_vec();
        env.push(("SCHALTER_CLOCK_START", clock));
        env
    };
    let serve = office.serve(&at("2027-02-02T07:55:00+01:00")).await;

    // Dora, on Matrix, in an encrypted direct chat.
    office.synapse.register("dora", PASSWORD).await;
    let citizen = TestClient::login(&office.synapse.url, "dora", PASSWORD).await;
    let dm = citizen.create_room(&[&office.bot], true, true).await;
    citizen.wait_joined(&dm, &office.bot).await;
    citizen.ask(&dm, "Hallo", "[1] Deutsch").await;
    citizen.ask(&dm, "1", "[1] Termin buchen").await;
    citizen.ask(&dm, "1", "Für welchen Dienst").await;
    citizen
        .ask(&dm, "anmelden", "Wohnungsgeberbestätigung")
        .await;
    citizen
        .ask(&dm, "Weiter zur Terminwahl", "An welchem Tag")
        .await;
    citizen.ask(&dm, "1", "Welche Uhrzeit").await;
    // The first time of the day: 08:30.
    let held = citizen.ask(&dm, "1", "bestätigen").await;
    assert!(held.contains("08:30"), "{held}");
    citizen.ask(&dm, "1", "Buchungsnummer").await;
    // A PDF, then a photo; each time the bot asks which document it is.
    let dora = Sent {
        pdf: documents::pdf("Wohnungsgeberbestaetigung Dora"),
        photo: documents::photo_with_gps(3),
    };
    let before = citizen.count(&dm);
    citizen
        .send_file(&dm, "vermieter.pdf", "application/pdf", dora.pdf.clone())
        .await;
    citizen.wait_for(&dm, before, "Welche Unterlage").await;
    let kept = citizen
        .ask(&dm, "Wohnungsgeberbestätigung", "liegt mir vor")
        .await;
    assert!(kept.contains("Es fehlt noch"), "{kept}");
    let before = citizen.count(&dm);
    citizen
        .send_file(&dm, "IMG_0001.jpg", "image/jpeg", dora.photo.clone())
        .await;
    citizen.wait_for(&dm, before, "Welche Unterlage").await;
    citizen
        .ask(&dm, "Personalausweis oder Reisepass", "liegt mir vor")
        .await;
    // Kept sealed: the homeserver no longer holds her originals.
    assert_eq!(office.synapse.media_of(&root, "@dora:localhost").await, 0);

    // Greta, on Telegram: the same appointment's documents, each for the item she chose.
    let greta = TgUser::new(5201, "Greta", Some("de"));
    let menu = emu.say_for_reply(&greta, "/start").await;
    let services = emu.press_for_reply(&greta, &menu, "menu:book").await;
    let checklist = emu
        .press_for_reply(&greta, &services, "svc:anmeldung")
        .await;
    let days = emu.press_for_reply(&greta, &checklist, "go:dates").await;
    let times = emu.press_for_reply(&greta, &days, &days.data("day:")).await;
    let slot = emu
        .press_for_reply(&greta, &times, &times.data("time:"))
        .await;
    let confirmed = emu.press_for_reply(&greta, &slot, "confirm").await;
    // The confirmation offers the device check, by a link of Greta's booking.
    let (_, link) = confirmed
        .text
        .split_once("/check/")
        .unwrap_or_else(|| panic!("a link to the device check: {confirmed:#?}"));
    let check: String = link
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    let list = emu.say_for_reply(&greta, "/appointments").await;
    let detail = emu
        .press_for_reply(&greta, &list, &list.data("appt:"))
        .await;
    let docs = emu.press_for_reply(&greta, &detail, "docs").await;
    let greta_sent = Sent {
        pdf: documents::pdf("Wohnungsgeberbestaetigung Greta"),
        photo: documents::photo_with_gps(4),
    };
    let asked = emu
        .press_for_reply(&greta, &docs, "docsend:landlord-confirmation")
        .await;
    let before = emu.last_id(greta.id);
    emu.send_document_file(&greta, &greta_sent.pdf, "Vermieter.pdf", "application/pdf");
    let kept = emu.wait_message(greta.id, before, |_| true).await;
    assert!(
        kept.text.contains("liegt mir vor"),
        "{kept:#?} after {asked:#?}"
    );
    emu.press_for_reply(&greta, &kept, "docsend:id-card").await;
    let before = emu.last_id(greta.id);
    emu.send_photo_file(&greta, &greta_sent.photo);
    let kept = emu.wait_message(greta.id, before, |_| true).await;
    assert!(kept.text.contains("✅ Personalausweis"), "{kept:#?}");
    assert_eq!(office.db.store.documents().totals().await.unwrap(), (4, 4));

    // 08:22: both check in; the clerk sees the items with documents and takes them in turn.
    serve.kill().await;
    let serve = office.serve(&at("2027-02-02T08:22:00+01:00")).await;
    citizen.ask(&dm, "menü", "[1] Jetzt einchecken").await;
    citizen.ask(&dm, "1", "Ihr Platz in der Reihe").await;
    let menu = emu.say_for_reply(&greta, "/start").await;
    emu.press_for_reply(&greta, &menu, &menu.data("checkin:"))
        .await;
    let queue = office.clerk.wait_for(&office.desk, 0, "📎").await;
    assert!(queue.contains("Wohnungsgeberbestätigung"), "{queue}");
    assert!(queue.contains("Technik nicht geprüft"), "{queue}");
    // Greta's phone reports its device check as the page does: the microphone failed. The
    // desk's live queue shows it for her.
    let reported = reqwest::Client::new()
        .post(format!("{}/check/{check}/result", serve.http))
        .header(
            "user-agent",
            "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) \
             SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
        )
        .json(&serde_json::json!({
            "camera": "ok", "microphone": "failed", "speaker": "ok", "connection": "ok"
        }))
        .send()
        .await
        .unwrap();
    assert!(reported.status().is_success(), "{reported:?}");
    let queue = office
        .clerk
        .wait_for(&office.desk, 0, "⚠ kein Mikrofon")
        .await;
    assert!(
        queue.contains("✓ Kamera ⚠ kein Mikrofon ✓ Ton ✓ Verbindung (Samsung Internet)"),
        "{queue}"
    );
    // The bot's own uploads so far (the bookings' calendar files).
    let uploaded = office.synapse.media_of(&root, &office.bot).await;
    let mut served = Vec::new();
    let mut rooms = vec![office.desk.clone()];
    for _ in 0..2 {
        let called = office.clerk.ask(&office.desk, "!next", "Aufgerufen").await;
        assert!(called.contains("📎"), "{called}");
        let mut video_room = None;
        for _ in 0..300 {
            let known: Vec<&matrix_sdk::ruma::RoomId> = rooms.iter().map(|r| &**r).collect();
            if let Some(r) = office.clerk.other_rooms(&known).into_iter().next() {
                video_room = Some(r);
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        let video_room = video_room.expect("the clerk is invited to the call's room");
        rooms.push(video_room.clone());
        let files = office.clerk.wait_media(&video_room, 2).await;
        let mut names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        names.sort_unstable();
        assert_eq!(
            names,
            [
                "Personalausweis oder Reisepass.jpg",
                "Wohnungsgeberbestätigung.pdf"
            ]
        );
        let by_name = |n: &str| files.iter().find(|f| f.name.starts_with(n)).unwrap();
        let pdf = office
            .clerk
            .download(&by_name("Wohnungsgeberbestätigung").source)
            .await;
        let photo = office
            .clerk
            .download(&by_name("Personalausweis").source)
            .await;
        let whose = [&dora, &greta_sent]
            .into_iter()
            .find(|s| s.pdf == pdf)
            .expect("the PDF as its citizen sent it");
        assert_eq!(
            photo,
            schalter_core::documents::check(&whose.photo, 10 << 20)
                .unwrap()
                .bytes
        );
        assert!(!documents::contains(&photo, &GPS_TAG), "no GPS position");
        served.push(pdf);
        assert_eq!(
            office.synapse.media_of(&root, &office.bot).await,
            uploaded + 2
        );

        // After the call nothing of them stays in the room's history, nor in the media
        // repository.
        office.clerk.ask(&office.desk, "!done", "erledigt").await;
        for file in &files {
            office.clerk.wait_redacted(&file.event_id).await;
        }
        let mut left = u64::MAX;
        for _ in 0..100 {
            left = office.synapse.media_of(&root, &office.bot).await;
            if left == uploaded {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(left, uploaded, "the copies in the call's room are deleted");
    }
    assert_ne!(served[0], served[1], "each citizen's own documents");
    serve.kill().await;

    // Kept a day after the appointment, then purged.
    let url = office.db.url.clone();
    let (ok, out, err) = run(
        &["purge"],
        &[
            ("SCHALTER_DATABASE_URL", url.as_str()),
            ("SCHALTER_CLOCK_START", "2027-02-03T09:00:00+01:00"),
        ],
        None,
    )
    .await;
    assert!(ok, "{out}\n{err}");
    assert_eq!(office.db.store.documents().totals().await.unwrap(), (0, 0));
    office.close().await;
}
