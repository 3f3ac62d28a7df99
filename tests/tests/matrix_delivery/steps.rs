//! Steps and waits the scenarios share: a walk-in, a pick's reference, rooms, the direct-only text.

use std::time::Duration;

use matrix_sdk::RoomState;
use matrix_sdk::ruma::{OwnedRoomId, RoomId};
use schalter_tests::matrix_client::TestClient;
use schalter_tests::workspace;

use crate::{IN_THE_QUEUE, PICKED, WALK_IN};

/// From the language picker to the waiting room as a walk-in.
pub(crate) async fn walk_in(citizen: &TestClient, dm: &RoomId) {
    citizen.ask(dm, "Hallo", "[1] Deutsch").await;
    citizen.ask(dm, "1", WALK_IN).await;
    citizen.ask(dm, WALK_IN, IN_THE_QUEUE).await;
}

/// The reference in a `desk-picked` answer ("Aufgerufen: REF · …").
pub(crate) fn reference_of(picked: &str) -> String {
    picked
        .lines()
        .find_map(|l| l.strip_prefix(PICKED))
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no reference in {picked:?}"))
        .to_owned()
}

/// The first room `client` has besides `known` (the video room a clerk is invited to).
pub(crate) async fn wait_new_room(client: &TestClient, known: &[&RoomId]) -> OwnedRoomId {
    for _ in 0..300 {
        if let Some(room) = client.other_rooms(known).into_iter().next() {
            return room;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "{} got no room besides {known:?} within 30 s",
        client.client.user_id().unwrap()
    );
}

/// Waits until `client`'s own view of `room` is `want`.
pub(crate) async fn wait_room_state(
    client: &TestClient,
    room: &RoomId,
    want: RoomState,
    what: &str,
) {
    let mut state = None;
    for _ in 0..300 {
        state = client.room_state(room);
        if state == Some(want) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{what}: after 30 s the room {room} is {state:?}, not {want:?}");
}

/// The German "write me directly" text: `private-only` in locales/de/common.ftl (up to its
/// first placeable), the same answer Telegram groups get.
pub(crate) fn direct_only_text() -> String {
    let path = workspace().join("locales/de/common.ftl");
    let ftl = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut lines = ftl.lines();
    while let Some(line) = lines.next() {
        let Some(value) = line
            .strip_prefix("private-only")
            .and_then(|rest| rest.trim_start().strip_prefix('='))
        else {
            continue;
        };
        let mut value = value.trim().to_owned();
        if value.is_empty() {
            // A multi-line message: the text starts on the next, indented line.
            value = lines.next().unwrap_or_default().trim().to_owned();
        }
        let value = value.split('{').next().unwrap_or_default().trim();
        if !value.is_empty() {
            return value.to_owned();
        }
    }
    panic!("locales/de/common.ftl has no `private-only`");
}
