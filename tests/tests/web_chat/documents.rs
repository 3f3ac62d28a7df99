//! Documents from the web chat without JavaScript: the upload form below the text field
//! takes a PDF for the item the citizen chose (kept sealed, shown in the transcript by its
//! name, answered once per client id), refuses a renamed executable with its reason, and the
//! script's JSON route does the same.

use reqwest::StatusCode;
use reqwest::header::{COOKIE, LOCATION, ORIGIN};
use reqwest::multipart::{Form, Part};
use schalter_tests::TestDb;
use schalter_tests::documents;

use crate::plain::Plain;
use crate::support::serve;

async fn upload(
    citizen: &Plain,
    path: &str,
    client_id: &str,
    name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let form = Form::new()
        .text("client_id", client_id.to_owned())
        .part("file", Part::bytes(bytes).file_name(name.to_owned()));
    citizen
        .client
        .post(format!("{}{path}", citizen.http))
        .header(COOKIE, &citizen.cookie)
        .header(ORIGIN, &citizen.http)
        .multipart(form)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_document_from_the_plain_page_and_from_the_script() {
    let db = TestDb::sqlite().await;
    let serve = serve(&db).await;
    let citizen = Plain::start(&serve.http, "de").await;
    let first = citizen.page().await;
    assert!(first.contains("enctype=\"multipart/form-data\""), "{first}");
    assert!(first.contains("Unterlage senden"), "{first}");
    citizen.press("menu:book").await;
    citizen.press("svc:anmeldung").await;
    citizen.press("go:dates").await;
    citizen.press("day:").await;
    citizen.press("time:").await;
    citizen.press("confirm").await;
    citizen.say("/appointments").await;
    citizen.press("appt:").await;
    citizen.press("docs").await;
    let asked = citizen.press("docsend:landlord-confirmation").await;
    assert!(asked.contains("Bitte senden Sie jetzt"), "{asked}");

    let pdf = documents::pdf("Wohnungsgeberbestaetigung Web");
    let r = upload(&citizen, "/chat/file", "up-1", "vermieter.pdf", pdf.clone()).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(
        r.headers()[LOCATION]
            .to_str()
            .unwrap()
            .starts_with("/chat/")
    );
    let page = citizen.page().await;
    assert!(
        page.contains("📎 vermieter.pdf"),
        "the page shows what was sent"
    );
    assert!(page.contains("liegt mir vor"), "{page}");
    assert_eq!(db.store.documents().totals().await.unwrap(), (1, 1));
    // The same client id again (a browser that sent it twice): kept and answered once.
    let replies = page.matches("liegt mir vor").count();
    let r = upload(&citizen, "/chat/file", "up-1", "vermieter.pdf", pdf).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        citizen.page().await.matches("liegt mir vor").count(),
        replies
    );
    assert_eq!(db.store.documents().totals().await.unwrap(), (1, 1));

    // A renamed executable: refused with its reason, nothing kept.
    let r = upload(
        &citizen,
        "/chat/file",
        "up-2",
        "scan.pdf",
        documents::executable(),
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert!(citizen.page().await.contains("nur PDF-Dateien"));
    assert_eq!(db.store.documents().totals().await.unwrap(), (1, 1));

    // The script's route: JSON, the photo to the item the citizen chooses next.
    citizen.press("docsend:id-card").await;
    let r = upload(
        &citizen,
        "/chat/api/file",
        "up-3",
        "IMG_0001.jpg",
        documents::photo_with_gps(9),
    )
    .await;
    assert_eq!(r.status(), StatusCode::ACCEPTED);
    let body: serde_json::Value = r.json().await.unwrap();
    assert!(body["seq"].as_i64().unwrap() > 0, "{body}");
    assert!(citizen.page().await.contains("✅ Personalausweis"));
    assert_eq!(db.store.documents().totals().await.unwrap(), (2, 2));

    // Without the conversation's cookie: refused, nothing kept.
    let stranger = Plain::with_cookie(&serve.http, "__Host-x=y");
    let r = upload(
        &stranger,
        "/chat/api/file",
        "up-4",
        "a.pdf",
        documents::pdf("s"),
    )
    .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(db.store.documents().totals().await.unwrap(), (2, 2));
    drop(serve);
    db.drop_db().await;
}
