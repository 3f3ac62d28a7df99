//! The office under test: Synapse, the bot's settings, the clerk anna at her desk room.

use std::time::Duration;

use matrix_sdk::ruma::{OwnedRoomId, RoomId};
use schalter_tests::matrix_client::{self, TestClient};
use schalter_tests::synapse::Synapse;
use schalter_tests::{Serve, TestDb, scratch_dir};

use crate::{DONE, NO_CALL, NOBODY, OPEN, PASSWORD, PICKED};

pub(crate) struct Office {
    pub(crate) synapse: Synapse,
    pub(crate) db: TestDb,
    pub(crate) bot: String,
    pub(crate) clerk: TestClient,
    pub(crate) desk: OwnedRoomId,
    pub(crate) store: std::path::PathBuf,
    pub(crate) env: Vec<(String, String)>,
}

impl Office {
    /// Synapse with a bot, a clerk (anna) and the clerk's desk room; `extra_clerks` are
    /// allowed too.
    pub(crate) async fn open(extra_clerks: &[&str]) -> Self {
        let synapse = Synapse::start().await;
        let db = TestDb::sqlite().await;
        let bot = synapse.register("schalter", PASSWORD).await;
        let anna = synapse.register("anna", PASSWORD).await;
        let clerk = TestClient::login(&synapse.url, "anna", PASSWORD).await;
        let desk = clerk.create_room(&[&bot], false, false).await;
        let store = scratch_dir("schalter_matrix_store");
        let mut clerks = vec![anna.clone()];
        clerks.extend(extra_clerks.iter().map(|c| c.to_string()));
        let env = vec![
            ("SCHALTER_DATABASE_URL".to_owned(), db.url.clone()),
            ("SCHALTER_MATRIX_HOMESERVER".to_owned(), synapse.url.clone()),
            ("SCHALTER_MATRIX_USER".to_owned(), "schalter".to_owned()),
            ("SCHALTER_MATRIX_PASSWORD".to_owned(), PASSWORD.to_owned()),
            (
                "SCHALTER_MATRIX_STORE".to_owned(),
                store.display().to_string(),
            ),
            ("SCHALTER_MATRIX_CLERK_ROOM".to_owned(), desk.to_string()),
            ("SCHALTER_MATRIX_CLERKS".to_owned(), clerks.join(",")),
            (
                "SCHALTER_VIDEO_BASE_URL".to_owned(),
                "https://meet.example.org".to_owned(),
            ),
            ("SCHALTER_CLOCK_START".to_owned(), OPEN.to_owned()),
        ];
        Self {
            synapse,
            db,
            bot,
            clerk,
            desk,
            store,
            env,
        }
    }

    pub(crate) async fn serve(&self, extra: &[(&str, &str)]) -> Serve {
        let mut env: Vec<(&str, &str)> = self
            .env
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        env.extend_from_slice(extra);
        let serve = Serve::start(&env).await;
        self.clerk.wait_joined(&self.desk, &self.bot).await;
        serve
    }

    /// Registers `name`, logs them in and brings them into the desk room.
    pub(crate) async fn join_desk(&self, name: &str) -> TestClient {
        self.synapse.register(name, PASSWORD).await;
        let client = TestClient::login(&self.synapse.url, name, PASSWORD).await;
        let user = client.client.user_id().unwrap().to_owned();
        let desk = self.clerk.client.get_room(&self.desk).unwrap();
        desk.invite_user_by_id(&user).await.unwrap();
        self.clerk.wait_joined(&self.desk, user.as_str()).await;
        client
    }

    /// Registers `name` and logs them in; `auto_join`: they accept every invitation.
    pub(crate) async fn person(&self, name: &str, auto_join: bool) -> TestClient {
        self.synapse.register(name, PASSWORD).await;
        if auto_join {
            TestClient::login(&self.synapse.url, name, PASSWORD).await
        } else {
            TestClient::login_without_auto_join(&self.synapse.url, name, PASSWORD).await
        }
    }

    /// A citizen with an encrypted 1:1 direct chat with the bot, as Element opens it.
    pub(crate) async fn citizen(&self, name: &str, auto_join: bool) -> (TestClient, OwnedRoomId) {
        let citizen = self.person(name, auto_join).await;
        let dm = citizen.create_room(&[&self.bot], true, true).await;
        citizen.wait_joined(&dm, &self.bot).await;
        (citizen, dm)
    }

    pub(crate) fn anna(&self) -> String {
        self.clerk.client.user_id().unwrap().to_string()
    }

    /// Anna says `!next` and must get someone; returns the bot's answer.
    pub(crate) async fn next(&self) -> String {
        let before = self.clerk.count(&self.desk);
        self.clerk.send(&self.desk, "!next").await;
        let answer = self
            .clerk
            .wait_for_any(&self.desk, before, &[PICKED, NOBODY])
            .await;
        assert!(
            answer.contains(PICKED),
            "anna's !next picked nobody: {answer}"
        );
        answer
    }

    /// Anna says `!done` and the call must end; returns the bot's answer.
    pub(crate) async fn done(&self, reference: &str) -> String {
        let before = self.clerk.count(&self.desk);
        self.clerk.send(&self.desk, "!done").await;
        let answer = self
            .clerk
            .wait_for_any(&self.desk, before, &[DONE, NO_CALL])
            .await;
        assert!(
            answer.contains(&format!("{reference} {DONE}")),
            "anna's !done did not end the call with {reference}: {answer}"
        );
        answer
    }

    /// Logs in as the bot (a separate session, plain HTTP) to see what the bot sees.
    pub(crate) async fn bot_token(&self) -> String {
        matrix_client::access_token(&self.synapse.url, "schalter", PASSWORD).await
    }

    /// Waits until the bot is no longer joined to `room`.
    pub(crate) async fn wait_bot_left(&self, room: &RoomId) {
        let token = self.bot_token().await;
        let mut joined = Vec::new();
        for _ in 0..300 {
            joined = matrix_client::joined_rooms(&self.synapse.url, &token).await;
            if !joined.iter().any(|r| r == room) {
                matrix_client::logout(&self.synapse.url, &token).await;
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        matrix_client::logout(&self.synapse.url, &token).await;
        panic!("the bot did not leave {room} within 30 s; it is joined to {joined:?}");
    }

    pub(crate) async fn close(self) {
        self.synapse.stop().await;
        self.db.drop_db().await;
        let _ = std::fs::remove_dir_all(&self.store);
    }
}
