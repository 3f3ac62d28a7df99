//! Documents on Matrix: a citizen in an encrypted direct chat sends a PDF and a photo for
//! their Anmeldung (real Synapse, real media upload, decrypted by the bot); at `!next` the
//! clerk's client finds both in the call's room, named by their checklist item, and decrypts
//! them to the bytes the citizen sent (the photo without its GPS tag); at `!done` they are
//! redacted; `document_days` after the appointment the purge deletes what the database kept.
//! The bot is a server admin here: the media repository keeps neither the citizen's originals
//! (deleted once their sealed copies are kept) nor the copies sent into the call's room.

use schalter_tests::documents::{self, GPS_TAG};
use schalter_tests::matrix_client::TestClient;
use schalter_tests::terminal::run;

use crate::PASSWORD;
use crate::office::Office;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pdf_and_a_photo_reach_the_clerk_in_the_call_room() {
    let office = Office::open(&[]).await;
    let root = office.synapse.admin_token("root", PASSWORD).await;
    office.synapse.make_admin(&root, &office.bot).await;
    let serve = office
        .serve(&[("SCHALTER_CLOCK_START", "2027-02-02T07:55:00+01:00")])
        .await;
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

    // A PDF, then a photo, in the encrypted chat; each time the bot asks which item it is.
    let pdf = documents::pdf("Wohnungsgeberbestaetigung Dora");
    let before = citizen.count(&dm);
    citizen
        .send_file(&dm, "vermieter.pdf", "application/pdf", pdf.clone())
        .await;
    citizen.wait_for(&dm, before, "Welche Unterlage").await;
    let kept = citizen
        .ask(&dm, "Wohnungsgeberbestätigung", "liegt mir vor")
        .await;
    assert!(kept.contains("Es fehlt noch"), "{kept}");
    let photo = documents::photo_with_gps(3);
    let before = citizen.count(&dm);
    citizen
        .send_file(&dm, "IMG_0001.jpg", "image/jpeg", photo.clone())
        .await;
    citizen.wait_for(&dm, before, "Welche Unterlage").await;
    citizen
        .ask(&dm, "Personalausweis oder Reisepass", "liegt mir vor")
        .await;
    assert_eq!(office.db.store.documents().totals().await.unwrap(), (2, 2));
    // Kept sealed: the homeserver no longer holds the citizen's originals.
    assert_eq!(office.synapse.media_of(&root, "@dora:localhost").await, 0);

    // 08:22: she checks in; the clerk sees the items with documents and takes her.
    serve.kill().await;
    let serve = office
        .serve(&[("SCHALTER_CLOCK_START", "2027-02-02T08:22:00+01:00")])
        .await;
    citizen.ask(&dm, "menü", "[1] Jetzt einchecken").await;
    citizen.ask(&dm, "1", "Ihr Platz in der Reihe").await;
    let queue = office.clerk.wait_for(&office.desk, 0, "📎").await;
    assert!(queue.contains("Wohnungsgeberbestätigung"), "{queue}");
    // The bot's own uploads so far (the booking's calendar file).
    let before = office.synapse.media_of(&root, &office.bot).await;
    let called = office.clerk.ask(&office.desk, "!next", "Aufgerufen").await;
    assert!(called.contains("📎"), "{called}");
    let mut video_room = None;
    for _ in 0..300 {
        if let Some(r) = office.clerk.other_rooms(&[&office.desk]).into_iter().next() {
            video_room = Some(r);
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let video_room = video_room.expect("the clerk is invited to the call's room");
    let files = office.clerk.wait_media(&video_room, 2).await;
    assert_eq!(office.synapse.media_of(&root, &office.bot).await, before + 2);
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
    assert_eq!(
        office
            .clerk
            .download(&by_name("Wohnungsgeberbestätigung").source)
            .await,
        pdf
    );
    let clean = office
        .clerk
        .download(&by_name("Personalausweis").source)
        .await;
    assert_eq!(
        clean,
        schalter_core::documents::check(&photo, 10 << 20)
            .unwrap()
            .bytes
    );
    assert!(!documents::contains(&clean, &GPS_TAG), "no GPS position");

    // After the call nothing of them stays in the room's history.
    office.clerk.ask(&office.desk, "!done", "erledigt").await;
    for file in &files {
        office.clerk.wait_redacted(&file.event_id).await;
    }
    let mut left = u64::MAX;
    for _ in 0..100 {
        left = office.synapse.media_of(&root, &office.bot).await;
        if left == before {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(left, before, "the copies in the call's room are deleted");
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
