//! One replica of the core for the replica test: `replica_clerks DB_URL PREFIX N` lets N
//! clerks (`@PREFIX0` …) call `next` and finish until nobody waits, concurrently, and prints
//! one line `clerk entry-id` per pick.

use std::sync::Arc;

use anyhow::{Context, Result, bail};
use schalter_core::store::{Finish, Pick};
use schalter_core::{Catalog, Engine, I18n, Store, SystemClock};

#[tokio::main]
async fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, url, prefix, n] = args.as_slice() else {
        bail!("usage: replica_clerks DB_URL PREFIX N");
    };
    let n: usize = n.parse().context("N is a number")?;
    let store = Store::connect(url).await?;
    let engine = Arc::new(Engine::new(
        Catalog::builtin()?,
        Arc::new(I18n::builtin()),
        store.clone(),
        Arc::new(SystemClock),
        chrono_tz::Europe::Berlin,
    ));
    let mut clerks = Vec::new();
    for i in 0..n {
        let engine = engine.clone();
        let clerk = format!("@{prefix}{i}");
        clerks.push(tokio::spawn(async move {
            engine.desk().set_presence(&clerk, true).await?;
            let mut picked = Vec::new();
            loop {
                match engine.desk().pick_next(&clerk, None, None).await? {
                    Pick::Picked(entry) => {
                        picked.push(entry.id);
                        let done = engine
                            .desk()
                            .finish_call(&clerk, Finish::Done { note: None })
                            .await?;
                        anyhow::ensure!(done.is_some(), "{clerk} lost their call");
                    }
                    Pick::Nobody => break,
                    Pick::ClerkBusy(e) => bail!("{clerk} still holds {}", e.id),
                }
            }
            anyhow::Ok((clerk, picked))
        }));
    }
    for task in clerks {
        let (clerk, picked) = task.await??;
        for id in picked {
            println!("{clerk} {id}");
        }
    }
    store.close().await;
    Ok(())
}
