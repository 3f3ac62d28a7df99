//! The office every Matrix scenario runs in: Synapse with the bot, a clerk and the clerks'
//! desk room, and `schalter serve` on SQLite against it.

use schalter_tests::matrix_client::TestClient;
use schalter_tests::synapse::Synapse;
use schalter_tests::{Serve, TestDb, scratch_dir};

use crate::{OPEN, PASSWORD};

pub(crate) struct Office {
    pub(crate) synapse: Synapse,
    pub(crate) db: TestDb,
    pub(crate) bot: String,
    pub(crate) clerk: TestClient,
    pub(crate) desk: matrix_sdk::ruma::OwnedRoomId,
    pub(crate) store: std::path::PathBuf,
    pub(crate) env: Vec<(String, String)>,
}

impl Office {
    /// Synapse with a bot, a clerk and the clerk's desk room; `extra_clerks` are allowed too.
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

    /// Waits up to 30 s until the clerk may no longer see who is in `room` (403: the room
    /// was closed for them); whether that happened.
    pub(crate) async fn clerk_shut_out(&self, room: &matrix_sdk::ruma::RoomId) -> bool {
        for _ in 0..300 {
            let members = reqwest::Client::new()
                .get(format!(
                    "{}/_matrix/client/v3/rooms/{room}/joined_members",
                    self.synapse.url
                ))
                .bearer_auth(&self.clerk.token)
                .send()
                .await
                .unwrap();
            if members.status() == 403 {
                return true;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        false
    }

    pub(crate) async fn close(self) {
        self.synapse.stop().await;
        self.db.drop_db().await;
        let _ = std::fs::remove_dir_all(&self.store);
    }
}
