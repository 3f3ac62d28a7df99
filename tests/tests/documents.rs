//! Documents before the call, in the real `schalter chat` binary (`/attach PATH`): refused
//! without an appointment, asked which checklist item a file is, kept sealed, the same file
//! refused twice, a renamed executable, a PDF with JavaScript, a file over the limit and an
//! eleventh file refused with a reason, listed and removed under the appointment, listed by
//! `/mydata`, gone with `/forget`.

use std::path::{Path, PathBuf};

use schalter_tests::documents::{self, GPS_TAG};
use schalter_tests::terminal::{Chat, Printed};
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
    let stored: Vec<_> = rows
        .iter()
        .map(|r| (r.item.as_str(), r.kind.as_str()))
        .collect();
    assert_eq!(
        stored,
        [("landlord-confirmation", "pdf"), ("id-card", "jpeg")]
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
