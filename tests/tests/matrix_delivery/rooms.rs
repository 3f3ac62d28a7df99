//! Rooms: a group room told to write directly, the video room inviting exactly two people.

use std::collections::BTreeMap;
use std::time::Duration;

use matrix_sdk::RoomState;
use matrix_sdk::ruma::RoomId;
use schalter_tests::matrix_client;

use crate::VIDEO_BASE;
use crate::office::Office;
use crate::steps::{direct_only_text, reference_of, wait_new_room, wait_room_state, walk_in};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_room_with_three_members_is_told_to_write_directly() {
    let office = Office::open(&[]).await;
    let serve = office.serve(&[]).await;
    let direct_only = direct_only_text();
    let olga = office.person("olga", true).await;
    let paul = office.person("paul", true).await;
    let paul_id = paul.client.user_id().unwrap().to_string();

    // An ordinary group room: olga, paul and the bot, all joined.
    let group = olga
        .create_room(&[&office.bot, &paul_id], false, false)
        .await;
    olga.wait_joined(&group, &office.bot).await;
    olga.wait_joined(&group, &paul_id).await;
    olga.send(&group, "Hallo").await;
    let answer = olga.wait_for(&group, 0, &direct_only).await;
    let bot_left = async |room: &RoomId| {
        let mut membership = None;
        for _ in 0..300 {
            membership = olga.membership(room, &office.bot).await;
            if membership.as_deref() == Some("leave") {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the bot did not leave the group room {room} within 30 s: {membership:?}");
    };
    bot_left(&group).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let from_bot = olga.messages_from(&group, &office.bot);
    assert_eq!(
        from_bot,
        vec![answer.clone()],
        "one answer in the group room, and only that one"
    );

    // Nobody answers there any more.
    olga.send(&group, "Hallo? Ich möchte mich anmelden").await;
    tokio::time::sleep(Duration::from_secs(4)).await;
    assert_eq!(
        olga.messages_from(&group, &office.bot),
        vec![answer],
        "no further answer after the bot left"
    );

    println!("the group room {group} was told and left");

    // Marked as a direct chat, but a third person is invited: that is a group too.
    let carl = office.person("carl", false).await;
    let carl_id = carl.client.user_id().unwrap().to_string();
    let room = olga.create_room(&[&office.bot, &carl_id], true, true).await;
    olga.wait_joined(&room, &office.bot).await;
    wait_room_state(&carl, &room, RoomState::Invited, "carl sees his invitation").await;
    println!("the direct room {room} with carl invited");
    olga.send(&room, "Hallo").await;
    olga.wait_for(&room, 0, &direct_only).await;
    bot_left(&room).await;
    assert_eq!(
        olga.messages_from(&room, &office.bot).len(),
        1,
        "one answer in the 'direct' room with three members: {:#?}",
        olga.messages_from(&room, &office.bot)
    );

    serve.kill().await;
    office.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_video_room_invites_exactly_the_clerk_and_the_citizen() {
    let office = Office::open(&[]).await;
    let serve = office.serve(&[]).await;
    let anna = office.anna();

    // The citizen does not accept invitations on their own: their invite stays pending.
    let (citizen, dm) = office.citizen("citizen", false).await;
    let citizen_id = citizen.client.user_id().unwrap().to_string();
    walk_in(&citizen, &dm).await;

    let called = office.next().await;
    let reference = reference_of(&called);
    citizen.wait_for(&dm, 0, VIDEO_BASE).await;
    let video = wait_new_room(&office.clerk, &[&office.desk]).await;
    office.clerk.wait_joined(&video, &anna).await;
    wait_room_state(
        &citizen,
        &video,
        RoomState::Invited,
        "the citizen is invited to the video room",
    )
    .await;
    assert_eq!(
        citizen.other_rooms(&[&dm]),
        vec![video.clone()],
        "the citizen is invited to the clerk's video room and no other"
    );

    // Its members: the bot, the clerk and the citizen (by their user id), nobody else.
    let mut members = BTreeMap::new();
    for _ in 0..100 {
        members = office
            .clerk
            .state(&video)
            .await
            .iter()
            .filter(|e| e["type"] == "m.room.member")
            .filter_map(|e| {
                let membership = e["content"]["membership"].as_str()?;
                let user = e["state_key"].as_str()?;
                ["invite", "join"]
                    .contains(&membership)
                    .then(|| (user.to_owned(), membership.to_owned()))
            })
            .collect::<BTreeMap<String, String>>();
        if members.contains_key(&citizen_id) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let users: Vec<&str> = members.keys().map(String::as_str).collect();
    let mut expected = vec![office.bot.as_str(), anna.as_str(), citizen_id.as_str()];
    expected.sort_unstable();
    assert_eq!(users, expected, "invited or joined: {members:#?}");
    assert_eq!(members[&office.bot], "join", "{members:#?}");
    assert!(
        ["invite", "join"].contains(&members[&anna].as_str()),
        "{members:#?}"
    );
    assert_eq!(members[&citizen_id], "invite", "{members:#?}");

    // The call ends before the citizen joined: their pending invitation is revoked.
    office.done(&reference).await;
    wait_room_state(
        &citizen,
        &video,
        RoomState::Left,
        "the citizen's invitation is revoked after !done",
    )
    .await;
    office.wait_bot_left(&video).await;
    let token = office.bot_token().await;
    let seen_by_bot =
        matrix_client::membership(&office.synapse.url, &token, &video, &citizen_id).await;
    matrix_client::logout(&office.synapse.url, &token).await;
    assert_eq!(
        seen_by_bot.as_deref(),
        Some("leave"),
        "the citizen's membership when the bot left the video room"
    );

    serve.kill().await;
    office.close().await;
}
