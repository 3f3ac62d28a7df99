//! E-mail given in the web chat: an address goes a day after it was given if never
//! confirmed, and a day after its appointment if confirmed; the keys of its links go when
//! they expire; `/forget` takes the address, its queued mails and its links at once.

use schalter_core::notice::NoticeKind;
use schalter_core::retention::PurgeReport;
use schalter_core::{Input, Lang};
use schalter_tests::{TestDb, conv, engine};

use crate::support::{at, book, count, day, purge};

const WEB: &str = "web:0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const OTHER: &str = "web:ffeeddccbbaa99887766554433221100";
const GONE: &str = "web:00112233445566778899aabbccddeeff";

/// The secret in a link of a mail (`…?k=SECRET`).
fn secret(url: &str) -> String {
    url.split("k=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap()
        .to_owned()
}

pub(crate) async fn mail_goes_with_its_appointment(db: TestDb) {
    let store = db.store.clone();
    let (engine, clock) = engine(&store, at("08:00"));
    for who in [WEB, OTHER] {
        engine
            .dialogue()
            .handle(&conv(who), Input::Text("/start".into()))
            .await
            .unwrap();
    }
    let booking = book(&engine, WEB, at("09:00")).await;
    book(&engine, OTHER, day(3, "09:00")).await;
    let mail = engine.mail();

    // `/forget`: the address, its mails and its links at once.
    // (All on the first morning: the outbox's order stamps are shared by the engines of
    // this test process, so no test here writes at a later time than the story does.)
    engine
        .dialogue()
        .handle(&conv(GONE), Input::Text("/start".into()))
        .await
        .unwrap();
    book(&engine, GONE, at("11:00")).await;
    mail.offer(&conv(GONE), "gone@example.org", Lang::En)
        .await
        .unwrap();
    let gone = &mail.addresses(&conv(GONE)).await.unwrap()[0];
    mail.letter(
        &gone.id,
        NoticeKind::MailConfirm,
        "https://chat.example.org",
    )
    .await
    .unwrap()
    .expect("a confirmation to send");
    engine.rights().forget_citizen(&conv(GONE)).await.unwrap();
    store.privacy().forget_traces(&conv(GONE)).await.unwrap();
    assert!(mail.addresses(&conv(GONE)).await.unwrap().is_empty());
    assert_eq!(
        count(
            &store,
            "SELECT COUNT(*) FROM web_keys WHERE conversation_id = $1",
            GONE
        )
        .await,
        0
    );
    assert_eq!(
        count(
            &store,
            "SELECT COUNT(*) FROM notifications WHERE conversation_id = $1",
            &format!("mail:{}", gone.id)
        )
        .await,
        0
    );

    mail.offer(&conv(WEB), "anna@example.org", Lang::En)
        .await
        .unwrap();
    mail.offer(&conv(OTHER), "otto@example.org", Lang::En)
        .await
        .unwrap();
    // Anna confirms by the link of her first mail; Otto never does.
    let anna = &mail.addresses(&conv(WEB)).await.unwrap()[0];
    let letter = mail
        .letter(
            &anna.id,
            NoticeKind::MailConfirm,
            "https://chat.example.org",
        )
        .await
        .unwrap()
        .expect("a confirmation to send");
    assert!(
        mail.confirm(&secret(&letter.action.1))
            .await
            .unwrap()
            .is_some()
    );
    let booked = mail
        .letter(
            &anna.id,
            NoticeKind::CalendarFile,
            "https://chat.example.org",
        )
        .await
        .unwrap()
        .expect("the booking's confirmation");
    assert!(booked.attachment.is_some());
    let back = secret(&booked.action.1);
    // Keys: a confirm key and a stop key for the first mail, a back and a stop key for the
    // second.
    assert_eq!(
        count(&store, "SELECT COUNT(*) FROM web_keys WHERE $1 = $1", "").await,
        4
    );

    // The same day: nothing goes.
    assert_eq!(
        purge(&engine, &clock, at("12:00")).await,
        PurgeReport::default()
    );
    // A day after it was given, the unconfirmed address goes; the confirm key has expired.
    let r = purge(&engine, &clock, day(1, "08:30")).await;
    assert_eq!((r.web_mail, r.web_keys), (1, 1), "{r:?}");
    assert!(mail.addresses(&conv(OTHER)).await.unwrap().is_empty());
    assert_eq!(mail.addresses(&conv(WEB)).await.unwrap().len(), 1);
    assert!(
        mail.back(&back).await.unwrap().is_some(),
        "the way back still works"
    );
    // A day after the appointment, the confirmed one and the rest of its keys go.
    let r = purge(
        &engine,
        &clock,
        booking.ends_at + chrono::Duration::days(1) + chrono::Duration::minutes(1),
    )
    .await;
    assert_eq!((r.web_mail, r.web_keys), (1, 3), "{r:?}");
    assert!(mail.back(&back).await.unwrap().is_none());
    assert_eq!(
        count(&store, "SELECT COUNT(*) FROM web_keys WHERE $1 = $1", "").await,
        0
    );

    db.drop_db().await;
}
