//! The Matrix store encrypted with the passphrase, and carrying on after a restart.

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
