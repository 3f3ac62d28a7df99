//! Two terminals, as a new user would try it: a citizen checks in with `schalter chat`, sees
//! their position move when a walk-in arrives, and a clerk at `schalter desk` takes them.

use schalter_tests::TestDb;
use schalter_tests::terminal::{Chat, Desk, run};

const CLERKS: &str = "@anna:example.org";

#[tokio::test]
async fn citizen_checks_in_and_a_clerk_takes_them() {
    let db = TestDb::sqlite().await;
    let env = |clock: &'static str| {
        vec![
            ("SCHALTER_CLOCK_START", clock),
            ("SCHALTER_MATRIX_CLERKS", CLERKS),
            ("SCHALTER_VIDEO_BASE_URL", "https://meet.example.org"),
        ]
    };
    // Tuesday 2 February 2027, 07:55: book the first slot (08:30).
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
    assert!(chat.finish().await.success());

    // 08:25: check-in is open and offered first in the menu.
    let (mut chat, resumed) =
        Chat::start_with(&db.url, "eva", None, &env("2027-02-02T08:25:00+01:00")).await;
    assert!(resumed.options[0].contains("einchecken"), "{resumed:#?}");
    let waiting = chat.send("1").await;
    assert!(
        waiting.text.contains("Ihr Platz in der Reihe: 1"),
        "{waiting:#?}"
    );
    assert!(waiting.text.contains("niemand im Dienst"), "{waiting:#?}");

    // A walk-in arrives; before her slot is due, Eva's place moves to 2.
    let (mut walk_in, menu) = Chat::start_with(
        &db.url,
        "tom",
        Some("en"),
        &env("2027-02-02T08:25:10+01:00"),
    )
    .await;
    walk_in
        .send(&menu.number_of("Talk to a clerk now").to_string())
        .await;
    chat.wait_for_notice("Ihr Platz in der Reihe: 2").await;

    // A clerk comes on duty: the wait becomes known.
    let (mut desk, welcome) = Desk::start(&db.url, CLERKS, &env("2027-02-02T08:26:00+01:00")).await;
    assert!(welcome.contains(CLERKS), "{welcome}");
    chat.wait_for_notice("Voraussichtliche Wartezeit").await;
    let queue = desk.command("queue", "Warteraum").await;
    assert!(
        queue.contains(&reference) && queue.contains("Anmeldung"),
        "{queue}"
    );
    assert!(
        queue.contains("Meldeformular"),
        "open checklist items are shown: {queue}"
    );

    // The clerk takes Eva by her reference; she gets the video link.
    let picked = desk
        .command(&format!("take {}", reference.to_lowercase()), "Aufgerufen")
        .await;
    let url = picked
        .lines()
        .find_map(|l| l.strip_prefix("Video: "))
        .expect("video link")
        .to_owned();
    assert!(
        url.starts_with("https://meet.example.org/schalter-") && url.len() > 50,
        "{url}"
    );
    let called = chat.wait_for_notice(&url).await;
    assert!(called.text.contains("an der Reihe"), "{called:#?}");
    // Tom moves to the front.
    walk_in.wait_for_notice("place in the queue: 1").await;
    let busy = desk.command("next", "noch im Gespräch").await;
    assert!(busy.contains(&reference), "{busy}");
    desk.command("done", "erledigt").await;
    chat.wait_for_notice("Vielen Dank").await;
    let unknown = desk.command("dance", "Befehle").await;
    assert!(unknown.contains("nicht"), "{unknown}");

    assert!(desk.finish().await.success());
    assert!(chat.finish().await.success());
    assert!(walk_in.finish().await.success());
    db.drop_db().await;
}

#[tokio::test]
async fn only_configured_clerks_may_work_the_queue() {
    let db = TestDb::sqlite().await;
    let (ok, stdout, _) = run(
        &["desk", "--clerk", "@mallory:example.org"],
        &[
            ("SCHALTER_DATABASE_URL", &db.url),
            ("SCHALTER_MATRIX_CLERKS", CLERKS),
        ],
        None,
    )
    .await;
    assert!(!ok);
    assert!(
        stdout.contains("nicht als Sachbearbeitung eingetragen"),
        "{stdout}"
    );
    db.drop_db().await;
}
