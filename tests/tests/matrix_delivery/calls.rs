//! A call outliving the lease, and a citizen who left not holding up the next one.

use std::time::{Duration, Instant};

use matrix_sdk::ruma::RoomId;

use crate::office::Office;
use crate::steps::{reference_of, wait_new_room, walk_in};
use crate::{BACK_IN_QUEUE, FEEDBACK, NOBODY, PICKED, VIDEO_BASE};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_call_outlives_the_lease_and_done_closes_it() {
    let office = Office::open(&["@bert:localhost"]).await;
    let bert = office.join_desk("bert").await;
    let serve = office.serve(&[("SCHALTER_CLERK_LEASE_SECONDS", "4")]).await;
    let anna = office.anna();

    let (citizen, dm) = office.citizen("citizen", true).await;
    walk_in(&citizen, &dm).await;

    let called = office.next().await;
    let reference = reference_of(&called);
    let video = wait_new_room(&office.clerk, &[&office.desk]).await;
    citizen.wait_for(&dm, 0, VIDEO_BASE).await;

    // More than three leases go by while anna talks to the citizen: her desk keeps renewing
    // the lease, so the call stays hers the whole time.
    let wait = Duration::from_secs(15);
    let start = Instant::now();
    while start.elapsed() < wait {
        let calls = office
            .db
            .store
            .queue()
            .in_calls()
            .await
            .expect("read the calls");
        assert!(
            calls.len() == 1
                && calls[0].reference.as_deref() == Some(reference.as_str())
                && calls[0].clerk.as_deref().is_some_and(|c| c.contains(&anna)),
            "after {:?} the call with {reference} is no longer anna's: {calls:#?}",
            start.elapsed()
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let told: Vec<String> = citizen.messages_from(&dm, &office.bot);
    assert!(
        !told.iter().any(|m| m.contains(BACK_IN_QUEUE)),
        "the citizen was sent back to the waiting room during the call: {told:#?}"
    );

    // A second clerk finds nobody waiting: the citizen is still with anna.
    let before = bert.count(&office.desk);
    bert.send(&office.desk, "!next").await;
    let answer = bert
        .wait_for_any(&office.desk, before, &[NOBODY, PICKED])
        .await;
    assert!(
        answer.contains(NOBODY),
        "bert's !next after {:?} must find nobody waiting, got: {answer}",
        start.elapsed()
    );

    // Anna ends the call: the room is closed (the bot leaves it) and the citizen is asked for
    // feedback.
    let before = citizen.count(&dm);
    office.done(&reference).await;
    citizen.wait_for(&dm, before, FEEDBACK).await;
    office.wait_bot_left(&video).await;
    assert!(
        office
            .db
            .store
            .queue()
            .in_calls()
            .await
            .expect("read the calls")
            .is_empty(),
        "no call left after !done"
    );

    serve.kill().await;
    office.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_citizen_who_left_does_not_block_the_next_one() {
    let office = Office::open(&[]).await;
    let serve = office.serve(&[]).await;

    // Xaver walks in, then leaves his chat with the bot; Yasmin walks in after him.
    let (xaver, xaver_dm) = office.citizen("xaver", true).await;
    let xaver_id = xaver.client.user_id().unwrap().to_string();
    walk_in(&xaver, &xaver_dm).await;
    xaver
        .client
        .get_room(&xaver_dm)
        .expect("xaver's DM")
        .leave()
        .await
        .expect("xaver leaves his DM");
    let (yasmin, yasmin_dm) = office.citizen("yasmin", true).await;
    let yasmin_id = yasmin.client.user_id().unwrap().to_string();
    walk_in(&yasmin, &yasmin_dm).await;
    let before = yasmin.count(&yasmin_dm);

    // Anna calls the next citizen until she has Yasmin: Xaver first (his call message cannot
    // be delivered), then Yasmin, who gets her link at once.
    let mut picks = Vec::new();
    let (since_command, since_answer) = loop {
        assert!(picks.len() < 2, "anna never got yasmin: {picks:#?}");
        let sent = Instant::now();
        let called = office.next().await;
        let answered = Instant::now();
        let reference = reference_of(&called);
        let calls = office
            .db
            .store
            .queue()
            .in_calls()
            .await
            .expect("read the calls");
        let call = calls
            .iter()
            .find(|c| c.reference.as_deref() == Some(reference.as_str()))
            .unwrap_or_else(|| panic!("{reference} is not in a call: {calls:#?}"));
        let conversation = call.conversation_id.clone().expect("a citizen in the call");
        picks.push(conversation.clone());
        let of = |user: &str, dm: &RoomId| {
            conversation.as_str().contains(user) || conversation.as_str().contains(dm.as_str())
        };
        if of(&yasmin_id, &yasmin_dm) {
            let link = called
                .lines()
                .find_map(|l| l.strip_prefix("Video: "))
                .unwrap_or(VIDEO_BASE)
                .to_owned();
            let got = yasmin
                .wait_for_within(&yasmin_dm, before, &link, Duration::from_secs(60))
                .await;
            assert!(
                got.is_some(),
                "yasmin got no call link ({link}) within 60 s of the pick; she saw {:#?}",
                yasmin.messages_from(&yasmin_dm, &office.bot)
            );
            break (sent.elapsed(), answered.elapsed());
        }
        assert!(
            of(&xaver_id, &xaver_dm),
            "anna got neither xaver nor yasmin: conversation {conversation}"
        );
        office.done(&reference).await;
    };
    println!(
        "yasmin's call link arrived {since_command:?} after anna's !next \
         ({since_answer:?} after the desk's answer); picks: {picks:?}"
    );
    if picks.len() == 1 {
        println!("xaver was no longer in the queue once he had left");
    }
    assert!(
        since_command <= Duration::from_secs(10),
        "yasmin's call link took {since_command:?} after the pick"
    );

    serve.kill().await;
    office.close().await;
}
