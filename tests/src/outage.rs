//! Database outages for tests: PostgreSQL shuts a test database out (ending its open
//! connections) and lets it in again.

use sqlx::Connection;

/// The admin connection to PostgreSQL (the server the tests' databases live on).
pub async fn postgres_admin() -> sqlx::PgConnection {
    let url = std::env::var("SCHALTER_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| crate::DEFAULT_POSTGRES_URL.into());
    sqlx::PgConnection::connect(&url)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL admin connection to {url}: {e}"))
}

/// Lets connections to the database in or not; shutting them out also ends the open ones.
pub async fn allow_connections(admin: &mut sqlx::PgConnection, name: &str, allow: bool) {
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "ALTER DATABASE {name} ALLOW_CONNECTIONS {allow}"
    )))
    .execute(&mut *admin)
    .await
    .expect("ALTER DATABASE … ALLOW_CONNECTIONS");
    if !allow {
        sqlx::query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = $1 AND pid <> pg_backend_pid()",
        )
        .bind(name)
        .execute(&mut *admin)
        .await
        .expect("terminate the database's connections");
    }
}
