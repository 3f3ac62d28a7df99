//! One citizen's story, from the first message to the last trace: what goes at each limit
//! and what statistics and bookkeeping keep.

use schalter_core::retention::PurgeReport;
use schalter_core::store::{Finish, NewInput, PaymentState, Pick, Recorded};
use schalter_core::{ChannelKind, Input};
use schalter_tests::conv;
use schalter_tests::{TestDb, engine};

use crate::support::{at, book, count, day, deliver_all, purge};
use crate::{CITIZEN, CLERK, LATER, VIDEO};

pub(crate) async fn story(db: TestDb) {
    let store = db.store.clone();
    let (engine, clock) = engine(&store, at("08:00"));
    engine
        .payments()
        .set_online_payments(vec![ChannelKind::Telegram]);

    // Day 0: two citizens write; one books, checks in, is called by video, pays and rates.
    engine
        .dialogue()
        .handle(&conv(CITIZEN), Input::Text("/start".into()))
        .await
        .unwrap();
    engine
        .dialogue()
        .handle(&conv(LATER), Input::Text("/start".into()))
        .await
        .unwrap();
    store
        .conversations()
        .set_channel_message(CITIZEN, "dm", "!dm:example.org")
        .await
        .unwrap();
    let input = NewInput {
        id: "telegram:1:1",
        conversation_id: &conv(CITIZEN),
        input: "{\"Text\":\"hi\"}",
        lang_hint: None,
    };
    assert!(
        store
            .inbox()
            .receive_input(input, at("08:00"))
            .await
            .unwrap()
    );
    store.inbox().input_done("telegram:1:1").await.unwrap();
    let b = book(&engine, CITIZEN, at("09:00")).await;
    clock.set(at("08:55"));
    let entry = match engine
        .waiting_room()
        .check_in(&conv(CITIZEN), &b.id)
        .await
        .unwrap()
    {
        schalter_core::queue::CheckIn::Joined(e) => e.id,
        other => panic!("not joined: {other:?}"),
    };
    clock.set(at("09:02"));
    assert!(matches!(
        engine
            .desk()
            .pick_next(CLERK, None, Some(VIDEO))
            .await
            .unwrap(),
        Pick::Picked(_)
    ));
    store
        .conversations()
        .set_channel_message(&format!("video:{entry}"), "room", "!video:example.org")
        .await
        .unwrap();
    engine.payments().set_fee(CLERK, None, None).await.unwrap();
    clock.set(at("09:12"));
    engine
        .desk()
        .finish_call(
            CLERK,
            Finish::Done {
                note: Some("Frau Beispiel, Ausweis läuft im März ab".into()),
            },
        )
        .await
        .unwrap()
        .unwrap();
    let payment = store
        .payments()
        .payment_of_entry(&entry)
        .await
        .unwrap()
        .unwrap();
    assert!(matches!(
        engine
            .payments()
            .record_paid(
                &payment.id,
                "telegram:ch1",
                "telegram",
                Some("p1"),
                Some("ch1")
            )
            .await
            .unwrap(),
        Recorded::Paid(_)
    ));
    store
        .queue()
        .save_feedback(&entry, 4, Some("Very friendly, thank you"), at("09:13"))
        .await
        .unwrap();
    // The timers of the day run (reminders, no-show check, today's agenda and purge).
    clock.set(at("09:30"));
    let ran = engine.scheduler().run_timers().await.unwrap() as u64;
    assert!(ran >= 3, "{ran} jobs ran");
    let delivered = deliver_all(&store).await;
    assert!(delivered >= 4, "{delivered} messages");
    // One message never reaches the citizen.
    store
        .outbox()
        .notify_once(
            &conv(CITIZEN),
            "test:never",
            schalter_core::notice::NoticeKind::Reply,
            "{\"text\":\"…\"}",
            at("09:30"),
        )
        .await
        .unwrap();

    let mut went = 0;

    // Day 6: nothing is old enough yet.
    clock.set(day(6, "12:00"));
    assert_eq!(
        engine.rights().purge(day(6, "12:00"), true).await.unwrap(),
        PurgeReport::default()
    );

    // Day 8: the clerk's note goes, feedback loses its call, delivered messages, handled
    // inputs and finished jobs go. The undelivered message, the conversation and the visit stay.
    let r = purge(&engine, &clock, day(8, "12:00")).await;
    went += r.total();
    assert_eq!(
        r,
        PurgeReport {
            notes: 1,
            feedback: 1,
            messages: delivered,
            inputs: 1,
            jobs: ran,
            ..PurgeReport::default()
        }
    );
    let visit = store.queue().queue_entry(&entry).await.unwrap().unwrap();
    assert_eq!(
        count(
            &store,
            "SELECT COUNT(*) FROM queue_entries WHERE id = $1 AND note IS NULL",
            &entry
        )
        .await,
        1
    );
    assert_eq!(schalter_tests::stored(&visit.conversation_id), CITIZEN);
    assert_eq!(
        store.queue().feedback().await.unwrap(),
        [(4, Some("Very friendly, thank you".to_owned()))]
    );
    assert_eq!(
        count(
            &store,
            "SELECT COUNT(*) FROM feedback WHERE entry_id = $1",
            &entry
        )
        .await,
        0
    );
    let pending = store
        .outbox()
        .pending_for(&conv(CITIZEN), 10)
        .await
        .unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].slot.as_deref(), Some("test:never"));
    assert_eq!(
        count(
            &store,
            "SELECT COUNT(*) FROM inbox WHERE conversation_id = $1",
            CITIZEN
        )
        .await,
        0
    );
    assert!(
        store
            .conversations()
            .load_conversation(&conv(CITIZEN))
            .await
            .unwrap()
            .is_some()
    );

    // Day 25: the second citizen books for day 40 without writing again. Day 27: an input of
    // the first fails for good (it is kept a week, unless its conversation goes first).
    clock.set(day(25, "10:00"));
    let later = book(&engine, LATER, day(40, "09:00")).await;
    clock.set(day(27, "10:00"));
    let failed = NewInput {
        id: "telegram:2:2",
        conversation_id: &conv(CITIZEN),
        input: "{\"Text\":\"?\"}",
        lang_hint: None,
    };
    assert!(
        store
            .inbox()
            .receive_input(failed, day(27, "10:00"))
            .await
            .unwrap()
    );
    store
        .inbox()
        .input_failed("telegram:2:2", "gave up", None)
        .await
        .unwrap();
    assert_eq!(
        engine
            .rights()
            .purge(day(29, "12:00"), true)
            .await
            .unwrap()
            .total(),
        0,
        "no conversation is 30 days idle yet"
    );

    // Day 31: the first citizen's conversation goes, with its direct room and inputs. The
    // second one's stays: its appointment is still to come.
    let r = purge(&engine, &clock, day(31, "12:00")).await;
    went += r.total();
    assert_eq!(
        r,
        PurgeReport {
            conversations: 1,
            channel_messages: 1,
            inputs: 1,
            ..PurgeReport::default()
        }
    );
    assert!(
        store
            .conversations()
            .load_conversation(&conv(CITIZEN))
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .conversations()
            .load_conversation(&conv(LATER))
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        store
            .conversations()
            .channel_message(CITIZEN, "dm")
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        store
            .conversations()
            .channel_message(&format!("video:{entry}"), "room")
            .await
            .unwrap()
            .as_deref(),
        Some("!video:example.org")
    );
    assert_eq!(
        count(
            &store,
            "SELECT COUNT(*) FROM inbox WHERE conversation_id = $1",
            CITIZEN
        )
        .await,
        0
    );
    assert_eq!(
        store
            .outbox()
            .pending_for(&conv(CITIZEN), 10)
            .await
            .unwrap()
            .len(),
        1
    );

    // Day 89: the second appointment is past, so that conversation goes too; the first
    // appointment is not 90 days old yet.
    let r = purge(&engine, &clock, day(89, "12:00")).await;
    went += r.total();
    assert_eq!(
        r,
        PurgeReport {
            conversations: 1,
            ..PurgeReport::default()
        }
    );
    assert!(
        store
            .conversations()
            .load_conversation(&conv(LATER))
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        store
            .bookings()
            .booking(&later.id)
            .await
            .unwrap()
            .unwrap()
            .conversation_id
            .unwrap(),
        LATER
    );

    // Day 91: the booking, the visit and the payment lose the citizen; the video room's id
    // and the message that never went out go. What statistics and bookkeeping need stays.
    let r = purge(&engine, &clock, day(91, "12:00")).await;
    went += r.total();
    assert_eq!(
        r,
        PurgeReport {
            bookings: 1,
            visits: 1,
            payments: 1,
            channel_messages: 1,
            messages: 1,
            ..PurgeReport::default()
        }
    );
    let booking = store.bookings().booking(&b.id).await.unwrap().unwrap();
    assert_eq!(schalter_tests::stored(&booking.conversation_id), "");
    assert_eq!(booking.reference, format!("anon-{}", b.id));
    assert!(
        store
            .bookings()
            .booking_by_reference(&b.reference)
            .await
            .unwrap()
            .is_none()
    );
    assert!(booking.checklist.is_empty());
    assert_eq!(
        (
            booking.service.as_str(),
            booking.lang.as_str(),
            booking.starts_at,
            booking.desk
        ),
        ("fuehrungszeugnis", "en", b.starts_at, b.desk)
    );
    assert_eq!(booking.status.name(), "done");
    let visit = store.queue().queue_entry(&entry).await.unwrap().unwrap();
    assert_eq!(schalter_tests::stored(&visit.conversation_id), "");
    assert_eq!(
        (visit.reference.as_deref(), visit.video_url.as_deref()),
        (None, None)
    );
    assert!(visit.checklist.is_empty());
    assert_eq!(
        (visit.told_position, visit.told_wait),
        (None, None),
        "nothing of what the citizen was told"
    );
    assert_eq!(visit.service.as_deref(), Some("fuehrungszeugnis"));
    assert_eq!(visit.lang, "en");
    assert_eq!(visit.slot_at, at("09:00"));
    assert_eq!(visit.joined_at, at("08:55"));
    assert_eq!(visit.called_at, Some(at("09:02")));
    assert_eq!(visit.finished_at, Some(at("09:12")));
    assert_eq!(visit.clerk.as_deref(), Some(CLERK));
    let paid = store
        .payments()
        .payment(&payment.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(schalter_tests::stored(&paid.conversation_id), "");
    // The bookkeeping record stays; nothing ties it to the citizen any more.
    assert_eq!((paid.amount_cents, paid.state), (1300, PaymentState::Paid));
    assert_ne!(paid.reference, payment.reference);
    assert_eq!(paid.visit_reference, None);
    assert!(
        store
            .conversations()
            .channel_message(&format!("video:{entry}"), "room")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .outbox()
            .pending_for(&conv(CITIZEN), 10)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        store.queue().feedback().await.unwrap(),
        [(4, Some("Very friendly, thank you".to_owned()))]
    );
    for (sql, what) in [
        (
            "SELECT COUNT(*) FROM bookings WHERE conversation_id = $1",
            "bookings",
        ),
        (
            "SELECT COUNT(*) FROM queue_entries WHERE conversation_id = $1",
            "visits",
        ),
        (
            "SELECT COUNT(*) FROM payments WHERE conversation_id = $1",
            "payments",
        ),
        (
            "SELECT COUNT(*) FROM notifications WHERE conversation_id = $1",
            "messages",
        ),
        (
            "SELECT COUNT(*) FROM inbox WHERE conversation_id = $1",
            "inputs",
        ),
        (
            "SELECT COUNT(*) FROM channel_messages WHERE conversation_id = $1",
            "rooms",
        ),
    ] {
        assert_eq!(
            count(&store, sql, CITIZEN).await,
            0,
            "{what} of the citizen"
        );
    }
    // The counters of this process add up what went (the day-0 purge found nothing).
    let purged: u64 = engine
        .office()
        .metrics()
        .purged_rows()
        .iter()
        .map(|(_, n)| n)
        .sum();
    assert_eq!(purged, went);
    db.drop_db().await;
}
