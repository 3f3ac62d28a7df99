//! Looking for traces of a citizen: every text column of every table, on SQLite and
//! PostgreSQL, searched for given strings (ids, references).

use sqlx::Row;

use crate::TestDb;

/// `(table, column)` of every text column in the database.
pub async fn text_columns(db: &TestDb) -> Vec<(String, String)> {
    let pool = db.store.pool();
    let columns: Vec<(String, String)> = match db.store.backend() {
        schalter_core::store::Backend::Sqlite => {
            let tables: Vec<String> = sqlx::query_scalar(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
                 AND name NOT LIKE '_sqlx%'",
            )
            .fetch_all(pool)
            .await
            .unwrap();
            let mut out = Vec::new();
            for t in tables {
                let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
                    "SELECT name, type FROM pragma_table_info('{t}')"
                )))
                .fetch_all(pool)
                .await
                .unwrap();
                for r in rows {
                    let ty: String = r.get("type");
                    if ty.to_uppercase().contains("TEXT") {
                        out.push((t.clone(), r.get::<String, _>("name")));
                    }
                }
            }
            out
        }
        schalter_core::store::Backend::Postgres => sqlx::query(
            "SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns \
             WHERE table_schema = 'public' AND data_type = 'text' AND table_name NOT LIKE '_sqlx%'",
        )
        .fetch_all(pool)
        .await
        .unwrap()
        .iter()
        .map(|r| (r.get::<String, _>("t"), r.get::<String, _>("c")))
        .collect(),
    };
    assert!(columns.len() > 40, "all tables' text columns: {columns:?}");
    columns
}

/// Rows of `columns` containing one of `needles`, with up to two of the values found.
pub async fn traces_in(
    db: &TestDb,
    columns: &[(String, String)],
    needles: &[String],
) -> Vec<String> {
    let pool = db.store.pool();
    let mut found = Vec::new();
    for (table, column) in columns {
        for needle in needles {
            let values: Vec<Option<String>> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                "SELECT {column} FROM {table} WHERE {column} LIKE $1"
            )))
            .bind(format!("%{needle}%"))
            .fetch_all(pool)
            .await
            .unwrap();
            if !values.is_empty() {
                let samples: Vec<String> = values
                    .iter()
                    .flatten()
                    .take(2)
                    .map(|v| v.chars().take(300).collect())
                    .collect();
                found.push(format!(
                    "{table}.{column} has {needle:?} ({}×), e.g. {samples:?}",
                    values.len()
                ));
            }
        }
    }
    found
}

/// Rows of any table with any text column containing one of `needles`.
pub async fn traces(db: &TestDb, needles: &[String]) -> Vec<String> {
    let columns = text_columns(db).await;
    traces_in(db, &columns, needles).await
}
