//! A backlog larger than a batch, and the audit log kept a year.

use chrono::Duration;
use schalter_core::catalog::Retention;
use schalter_core::retention::Cutoffs;
use schalter_core::store::ConversationRow;
use schalter_tests::{TestDb, conv};

use crate::support::{at, day};

/// A backlog larger than a batch goes in several batches, all of it.
pub(crate) async fn in_batches(db: TestDb) {
    let store = &db.store;
    for i in 0..7 {
        let row = ConversationRow {
            id: conv(&format!("telegram:{i}")),
            lang: Some("de".into()),
            state: "{}".into(),
            offered: "[]".into(),
            last_key: None,
            last_reply: None,
            reply_sent: false,
            version: None,
            input_tat: 0,
        };
        store
            .conversations()
            .save_conversation(&row, at("08:00"))
            .await
            .unwrap();
        store
            .conversations()
            .set_channel_message(row.id.as_str(), "dm", &format!("!room{i}:example.org"))
            .await
            .unwrap();
    }
    for i in 0..3 {
        store
            .admin()
            .audit(
                "admin",
                "admin-token",
                "catalogue-changed",
                "catalogue",
                at("08:00") + Duration::minutes(i),
            )
            .await
            .unwrap();
    }
    store
        .admin()
        .audit(
            "admin",
            "admin-token",
            "catalogue-changed",
            "catalogue",
            day(30, "08:00"),
        )
        .await
        .unwrap();
    let now = day(40, "12:00");
    let cutoffs = Cutoffs::new(now, &Retention::default());
    assert_eq!(
        store.retention().count_purge(&cutoffs).await.unwrap().audit,
        0,
        "kept a year"
    );
    let year = Cutoffs::new(day(366, "12:00"), &Retention::default());
    assert_eq!(store.retention().count_purge(&year).await.unwrap().audit, 3);
    assert_eq!(
        store
            .retention()
            .count_purge(&cutoffs)
            .await
            .unwrap()
            .conversations,
        7
    );
    let r = store.retention().purge(&cutoffs, 2).await.unwrap();
    assert_eq!((r.conversations, r.channel_messages), (7, 7));
    assert_eq!(
        store
            .retention()
            .count_purge(&cutoffs)
            .await
            .unwrap()
            .total(),
        0
    );
    let r = store.retention().purge(&year, 2).await.unwrap();
    assert_eq!(r.audit, 3);
    assert_eq!(store.admin().audit_log(10).await.unwrap().len(), 1);
    db.drop_db().await;
}
