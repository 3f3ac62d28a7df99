//! The Matrix store encrypted with the passphrase, and carrying on after a restart; a plain
//! `session.json` from before sealed in place.

use crate::office::Office;

/// Every file the SDK keeps under `dir`, with its bytes.
fn files(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files(&path));
        } else if let Ok(bytes) = std::fs::read(&path) {
            out.push((path, bytes));
        }
    }
    out
}

/// With SCHALTER_MATRIX_STORE_PASSPHRASE the SDK's state and crypto store holds no citizen's
/// id or room in the clear, and a restart with the same passphrase carries on.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_matrix_store_is_encrypted_with_the_passphrase() {
    let office = Office::open(&[]).await;
    let passphrase = (
        "SCHALTER_MATRIX_STORE_PASSPHRASE",
        "store-passphrase-for-the-test-0123",
    );
    let serve = office.serve(&[passphrase]).await;
    let citizen = office.person("zoe", true).await;
    let dm = citizen.create_room(&[&office.bot], false, true).await;
    citizen.wait_joined(&dm, &office.bot).await;
    citizen.ask(&dm, "Hallo", "[1] Deutsch").await;
    serve.kill().await;

    let sdk = files(&office.store.join("sdk"));
    assert!(
        !sdk.is_empty(),
        "the SDK keeps its store in {:?}",
        office.store
    );
    let clear: Vec<_> = sdk
        .iter()
        .filter(|(_, bytes)| {
            [b"@zoe:localhost".as_slice(), dm.as_str().as_bytes()]
                .iter()
                .any(|needle| bytes.windows(needle.len()).any(|w| w == *needle))
        })
        .map(|(path, _)| path.clone())
        .collect();
    assert!(clear.is_empty(), "in the clear: {clear:?}");

    // The same passphrase opens it again: the bot answers in the same room; `/mydata` comes
    // as text and as a JSON file.
    let serve = office.serve(&[passphrase]).await;
    citizen.ask(&dm, "1", "[1] Termin buchen").await;
    let before = citizen.count(&dm);
    citizen.send(&dm, "/mydata").await;
    citizen
        .wait_for(&dm, before, "Das speichern wir über Sie")
        .await;
    citizen
        .wait_for(&dm, before, "[file] schalter-my-data.json")
        .await;
    serve.kill().await;
    office.close().await;
}

/// A bot that kept its session in a plain `session.json` (an earlier version, or a store
/// from before the passphrase) is started with SCHALTER_MATRIX_STORE_PASSPHRASE: it signs in
/// as the same device, the file is sealed in place, and no file of the store holds the access
/// token in the clear any more. A restart opens the sealed file.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plain_session_file_is_sealed_under_the_passphrase() {
    let office = Office::open(&[]).await;
    let session = schalter_tests::matrix_client::plain_session(
        &office.synapse.url,
        "schalter",
        crate::PASSWORD,
    )
    .await;
    let token = session.tokens.access_token.clone();
    let device = session.meta.device_id.to_string();
    std::fs::create_dir_all(&office.store).expect("store folder");
    let file = office.store.join("session.json");
    std::fs::write(&file, serde_json::to_string(&session).expect("JSON")).expect("write");
    assert!(std::fs::read_to_string(&file).unwrap().contains(&token));

    let passphrase = (
        "SCHALTER_MATRIX_STORE_PASSPHRASE",
        "store-passphrase-for-the-test-0123",
    );
    let serve = office.serve(&[passphrase]).await;
    let citizen = office.person("mia", true).await;
    let dm = citizen.create_room(&[&office.bot], true, true).await;
    citizen.wait_joined(&dm, &office.bot).await;
    citizen.ask(&dm, "Hallo", "[1] Deutsch").await;
    serve.kill().await;

    let sealed = std::fs::read_to_string(&file).expect("session.json");
    let envelope: serde_json::Value = serde_json::from_str(&sealed).expect("JSON");
    assert_eq!(envelope["sealed"], 1, "{envelope}");
    assert_eq!(envelope["kdf"], "argon2id", "{envelope}");
    let clear: Vec<_> = files(&office.store)
        .into_iter()
        .filter(|(_, bytes)| {
            [token.as_bytes(), device.as_bytes()]
                .iter()
                .any(|needle| bytes.windows(needle.len()).any(|w| w == *needle))
        })
        .map(|(path, _)| path)
        .collect();
    assert!(
        clear.is_empty(),
        "the token or device in the clear: {clear:?}"
    );

    // Sealed, it opens again with the passphrase: the same device answers, and the bot
    // never signed in by password (its sign-ins are named "Schalter": there is one).
    let serve = office.serve(&[passphrase]).await;
    citizen.ask(&dm, "1", "[1] Termin buchen").await;
    let devices: serde_json::Value = reqwest::Client::new()
        .get(format!("{}/_matrix/client/v3/devices", office.synapse.url))
        .bearer_auth(&token)
        .send()
        .await
        .expect("devices request")
        .json()
        .await
        .expect("devices JSON");
    let ids: Vec<&str> = devices["devices"]
        .as_array()
        .expect("a device list")
        .iter()
        .filter(|d| d["display_name"] == "Schalter")
        .filter_map(|d| d["device_id"].as_str())
        .collect();
    assert_eq!(ids, [device.as_str()], "{devices}");
    serve.kill().await;
    office.close().await;
}
