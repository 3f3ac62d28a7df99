//! The schema's history, written once where SQLite and PostgreSQL agree.
//!
//! `migrations/shared/` holds the versions both databases run as they are; `migrations/sqlite/`
//! and `migrations/postgres/` hold only the versions whose SQL must differ, one file in each.
//! [`MIGRATIONS`] lists every version and says which kind it is, and for a difference why; each
//! database's [`Migrator`] is built from that list with `Migrator::with_migrations` (sqlx's
//! public way, hashing the SQL exactly as `sqlx::migrate!` did). The tests below fail when a
//! folder holds a file the list does not name, a badly named file, or a per-database copy of a
//! shared version.
//!
//! Invariant: the SQL a database got for a version never changes. sqlx records each applied
//! version with the SHA-384 of its SQL and refuses to migrate when a file no longer matches, so
//! an edited migration stops every database in the field; `applied_migrations_never_change`
//! pins what they recorded (moving the shared files out of the two folders changed no byte).
//!
//! Why a list in Rust rather than `sqlx::migrate!`: the macro reads one folder per database, so
//! both folders had to hold every version, and 9 of 11 files were copies that nothing kept in
//! step. Why a list rather than a build script that scans the folders: the list is where a
//! reader sees at a glance which versions differ and why, and `include_str!` makes cargo rebuild
//! when a listed file changes; a file nobody listed is caught by a test.

use std::borrow::Cow;
use std::sync::LazyLock;

use sqlx::SqlSafeStr;
use sqlx::migrate::{Migration, MigrationType, Migrator};

use super::Backend;

/// One version of the schema: its file name (`NNNN_name.sql`) and where its SQL lives.
struct Entry {
    file: &'static str,
    sql: Sql,
}

enum Sql {
    /// `migrations/shared/<file>`, run by both databases.
    Shared(&'static str),
    /// `migrations/sqlite/<file>` and `migrations/postgres/<file>`.
    PerDatabase {
        sqlite: &'static str,
        postgres: &'static str,
    },
}

/// A version both databases run as it is.
macro_rules! shared {
    ($file:literal) => {
        Entry {
            file: $file,
            sql: Sql::Shared(include_str!(concat!("../../../migrations/shared/", $file))),
        }
    };
}

/// A version whose SQL differs. The reason is for the reader; it is required so that no
/// difference goes unexplained.
macro_rules! per_database {
    ($file:literal, because = $why:literal) => {
        Entry {
            file: $file,
            sql: Sql::PerDatabase {
                sqlite: include_str!(concat!("../../../migrations/sqlite/", $file)),
                postgres: include_str!(concat!("../../../migrations/postgres/", $file)),
            },
        }
    };
}

/// Every version, oldest first. A new migration is a line here, its file, and a line per
/// database in `tests::APPLIED_*`; see `migrations/README.md`.
const MIGRATIONS: &[Entry] = &[
    shared!("0001_bookings.sql"),
    shared!("0002_queue.sql"),
    shared!("0003_channels.sql"),
    shared!("0004_feedback.sql"),
    shared!("0005_admin.sql"),
    per_database!(
        "0006_delivery.sql",
        because = "the channel is cut from the conversation id: SQLite has no `split_part`, \
                   so it takes `substr(…, 1, instr(…, ':') - 1)`"
    ),
    shared!("0007_payments.sql"),
    shared!("0008_audit.sql"),
    shared!("0009_lookups.sql"),
    per_database!(
        "0010_conversation_versions.sql",
        because = "only the column's spelling: SQLite got `INTEGER`, PostgreSQL `BIGINT` \
                   (SQLite stores both as the same 64-bit integer); applied, so it stays"
    ),
    shared!("0011_translation_reviews.sql"),
    shared!("0012_pending_by_conversation.sql"),
    shared!("0013_web_transcript.sql"),
    shared!("0014_web_mail.sql"),
    shared!("0015_staff.sql"),
    per_database!(
        "0016_documents.sql",
        because = "a file's bytes: SQLite's column type is `BLOB`, PostgreSQL's `BYTEA`"
    ),
    shared!("0017_device_checks.sql"),
    shared!("0018_input_limit.sql"),
    shared!("0019_document_uploads.sql"),
];

/// The migrations of one database, as `Store::migrate` runs them.
pub(super) fn migrator(backend: Backend) -> &'static Migrator {
    static SQLITE: LazyLock<Migrator> = LazyLock::new(|| build(Backend::Sqlite));
    static POSTGRES: LazyLock<Migrator> = LazyLock::new(|| build(Backend::Postgres));
    match backend {
        Backend::Sqlite => &SQLITE,
        Backend::Postgres => &POSTGRES,
    }
}

fn build(backend: Backend) -> Migrator {
    let migrations = MIGRATIONS
        .iter()
        .map(|entry| {
            let sql = match (&entry.sql, backend) {
                (Sql::Shared(sql), _) => sql,
                (Sql::PerDatabase { sqlite, .. }, Backend::Sqlite) => sqlite,
                (Sql::PerDatabase { postgres, .. }, Backend::Postgres) => postgres,
            };
            let (version, description) = parse_file_name(entry.file)
                .unwrap_or_else(|| panic!("{} is not named NNNN_name.sql", entry.file));
            Migration::new(
                version,
                Cow::Owned(description),
                MigrationType::Simple,
                sql.into_sql_str(),
                // What sqlx's folder reader does: a file may opt out of the transaction.
                sql.starts_with("-- no-transaction"),
            )
        })
        .collect();
    Migrator::with_migrations(migrations)
}

/// `0010_conversation_versions.sql` → `(10, "conversation versions")`: the version and the
/// description sqlx's own folder reader takes from a file name (and records in the database).
/// `None` unless the name is four digits, `_`, lower-case words joined by `_`, `.sql`.
fn parse_file_name(file: &str) -> Option<(i64, String)> {
    let (digits, rest) = file.split_once('_')?;
    let name = rest.strip_suffix(".sql")?;
    let well_formed = digits.len() == 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !name.is_empty()
        && name.split('_').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if !well_formed {
        return None;
    }
    Some((digits.parse().ok()?, name.replace('_', " ")))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::{Path, PathBuf};

    use super::*;

    /// What every database migrated so far has recorded, as
    /// `SELECT version, description, checksum FROM _sqlx_migrations ORDER BY version` shows it
    /// (checksum in lower-case hex: `psql -At` with `encode(checksum, 'hex')`, `sqlite3` with
    /// `lower(hex(checksum))`). A new migration adds a line here; no line ever changes.
    const APPLIED_SQLITE: &str = "
1|bookings|8739543d98a61f8e844c1d08b34d1bee18156b1b925114f866036e231471036ffc61dd4bba0cd34a36d4d131dffb55a0
2|queue|e173e50180aa93981daa3d17f0739df0fb2424a7d2b055d95f2d493128c1e2caebe5bb04754c5167a6d0b41973575f0f
3|channels|128657cfd7cabd3876b318a24a5d864d258660ee7f2a264094b45e5ea116e3b65b9f99b436ea0c1f46bb230a7b11493d
4|feedback|434e1885294edf0da5f9562eed197e00fb276d04e101b831d74977dc217d3b4b025b1c89b8c25d14ee1745989167a02a
5|admin|37ec3c39b58681568ab48d0092efa507b8a20ad9b02ff2b919fd8e03e05377a8a9be242a4bedc192f313c5b1077553fb
6|delivery|c8e7eb84ebc090af44b36bd287c7031ee6fafb4d199ddba2f570c7ceef9fd6a6c3ebe72f035259a738777270702e0d31
7|payments|d0e9a0fe713c241a8b9c08ef6f61f9b40708cdfe84ba233553bd37538133e65e259717b177f651e0cdadb81097637156
8|audit|99cbfb924592284f4b99429fba210c253f2bfa37936dd4ec1bb298dc183f4213f75adb4aaf55a44d0db640b506b4d46e
9|lookups|e142407546bff2c6abd22ba3409f2575c91ae47886de6d9095977e1c57d5f279147c7e98a4b7461cdf6ead5d142e4bee
10|conversation versions|046bb2ff5e5384361fea2cc99a6ef834eed55931afe04d30e5cf5e89d83af34cb8af9c0272c12a80a5ded412b7a2288a
11|translation reviews|0aad48a047bd78f8c2f787d32861fe9cb0e084255beccf3a550ea1e3a659e596999c76ede7efd1a8667e69cd972cb333
12|pending by conversation|43c1c1c63341ce050e190f085511552e112286ffad803f7e40cef9f5d6a07c15e1e7789fa4c670c0a9b64c0273fbb2f5
13|web transcript|6b3428123a9dcce76a11656a8e93b8d26896d56321e8b7f83b261d0ba5eb42536222155e3b25356d3d0d471b3f5c4a17
14|web mail|12fa7928285ecf79c32f051d2947458813538e8c293f9bc1c7383e2c5e253b2395d7a0be884772214cc75b7f0477ff76
15|staff|551233fc99d7d79810a4ec15ac612c2461027d23e7bc6b65a1431e46fe899230b358efafdb7b0d6c18ba5ed97317b891
16|documents|0f2ce1d948e34cc7dc34bf69c471c4ede08d9a0170d5668a6a10363bdbb8c025f986b48dca65d9c2cdd31527945850f5
17|device checks|4a311aaa6334514c9d435d0f205b18cc145d1c693711f4bf2984ecc42eb14aa2b2119c09a45904f44392732978bca502
18|input limit|50e1d32c42a851bd811421f050529d9c2c9fcf4db4c902ecfe105684e3ab6194204b42c63d787c1295d736aec1df1a4d
19|document uploads|c052178568b7888cff87a90b9faefcd99c8e920229d76ca5adac24b2b3f5f347d4ddf934d0d95e1813f778916c5831ec
";

    /// The same for PostgreSQL; versions 6 and 10 differ from SQLite's.
    const APPLIED_POSTGRES: &str = "
1|bookings|8739543d98a61f8e844c1d08b34d1bee18156b1b925114f866036e231471036ffc61dd4bba0cd34a36d4d131dffb55a0
2|queue|e173e50180aa93981daa3d17f0739df0fb2424a7d2b055d95f2d493128c1e2caebe5bb04754c5167a6d0b41973575f0f
3|channels|128657cfd7cabd3876b318a24a5d864d258660ee7f2a264094b45e5ea116e3b65b9f99b436ea0c1f46bb230a7b11493d
4|feedback|434e1885294edf0da5f9562eed197e00fb276d04e101b831d74977dc217d3b4b025b1c89b8c25d14ee1745989167a02a
5|admin|37ec3c39b58681568ab48d0092efa507b8a20ad9b02ff2b919fd8e03e05377a8a9be242a4bedc192f313c5b1077553fb
6|delivery|353c22febbcf0ed0a9908412c370b7ef0fec371a2bb5c30a0851bc622f2d66bc83433a684beb1c2bad1526f7d59d5405
7|payments|d0e9a0fe713c241a8b9c08ef6f61f9b40708cdfe84ba233553bd37538133e65e259717b177f651e0cdadb81097637156
8|audit|99cbfb924592284f4b99429fba210c253f2bfa37936dd4ec1bb298dc183f4213f75adb4aaf55a44d0db640b506b4d46e
9|lookups|e142407546bff2c6abd22ba3409f2575c91ae47886de6d9095977e1c57d5f279147c7e98a4b7461cdf6ead5d142e4bee
10|conversation versions|e990bcf399d1a2566b4c7ac538bc2e2b171259fc687ee7919e2be5bb1c27e4d4c8145dc9e93063a3ca4173fde85203d2
11|translation reviews|0aad48a047bd78f8c2f787d32861fe9cb0e084255beccf3a550ea1e3a659e596999c76ede7efd1a8667e69cd972cb333
12|pending by conversation|43c1c1c63341ce050e190f085511552e112286ffad803f7e40cef9f5d6a07c15e1e7789fa4c670c0a9b64c0273fbb2f5
13|web transcript|6b3428123a9dcce76a11656a8e93b8d26896d56321e8b7f83b261d0ba5eb42536222155e3b25356d3d0d471b3f5c4a17
14|web mail|12fa7928285ecf79c32f051d2947458813538e8c293f9bc1c7383e2c5e253b2395d7a0be884772214cc75b7f0477ff76
15|staff|551233fc99d7d79810a4ec15ac612c2461027d23e7bc6b65a1431e46fe899230b358efafdb7b0d6c18ba5ed97317b891
16|documents|8037cde9298377dbe77f641ba7a3c38b9f03e5d69ebbbb31703246c99d344c3a0ba8cbc7bf8789aebc23ea717aa4a245
17|device checks|4a311aaa6334514c9d435d0f205b18cc145d1c693711f4bf2984ecc42eb14aa2b2119c09a45904f44392732978bca502
18|input limit|50e1d32c42a851bd811421f050529d9c2c9fcf4db4c902ecfe105684e3ab6194204b42c63d787c1295d736aec1df1a4d
19|document uploads|c052178568b7888cff87a90b9faefcd99c8e920229d76ca5adac24b2b3f5f347d4ddf934d0d95e1813f778916c5831ec
";

    /// One line per version, as the `APPLIED_*` lists hold them.
    fn recorded(backend: Backend) -> Vec<String> {
        migrator(backend)
            .iter()
            .map(|m| {
                let hex: String = m.checksum.iter().map(|b| format!("{b:02x}")).collect();
                format!("{}|{}|{hex}", m.version, m.description)
            })
            .collect()
    }

    #[test]
    fn applied_migrations_never_change() {
        let mut unpinned = String::new();
        for (backend, list, applied) in [
            (Backend::Sqlite, "APPLIED_SQLITE", APPLIED_SQLITE),
            (Backend::Postgres, "APPLIED_POSTGRES", APPLIED_POSTGRES),
        ] {
            let now = recorded(backend);
            let applied: Vec<&str> = applied.lines().filter(|l| !l.is_empty()).collect();
            for (i, was) in applied.iter().enumerate() {
                let is = now.get(i).map_or("(gone)", String::as_str);
                assert_eq!(
                    is, *was,
                    "{backend:?}: this migration is no longer what databases applied, and they \
                     would refuse to migrate; undo the edit and make the change a new migration"
                );
            }
            for line in &now[applied.len()..] {
                unpinned += &format!("{list}: {line}\n");
            }
        }
        assert!(
            unpinned.is_empty(),
            "new migrations; once they are final, add these lines:\n{unpinned}"
        );
    }

    #[test]
    fn both_databases_have_the_same_versions() {
        let versions = |backend| {
            migrator(backend)
                .iter()
                .map(|m| (m.version, m.description.to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(versions(Backend::Sqlite), versions(Backend::Postgres));
    }

    #[test]
    fn versions_are_well_named_and_in_order() {
        let mut last = 0;
        for entry in MIGRATIONS {
            let (version, _) = parse_file_name(entry.file)
                .unwrap_or_else(|| panic!("{} is not named NNNN_name.sql", entry.file));
            assert!(
                version > last,
                "{} is out of order in MIGRATIONS",
                entry.file
            );
            last = version;
        }
    }

    fn root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations")
    }

    fn files_in(folder: &str) -> BTreeSet<String> {
        std::fs::read_dir(root().join(folder))
            .unwrap_or_else(|e| panic!("migrations/{folder}: {e}"))
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    }

    /// A file only counts if it is listed: sqlx no longer reads the folders, so an unlisted
    /// file would silently never run, and a per-database copy of a shared version would be a
    /// difference nobody named.
    #[test]
    fn folders_hold_exactly_the_listed_files() {
        let shared = files_in("shared");
        let sqlite = files_in("sqlite");
        let postgres = files_in("postgres");
        for (folder, files) in [
            ("shared", &shared),
            ("sqlite", &sqlite),
            ("postgres", &postgres),
        ] {
            for file in files {
                let path = format!("migrations/{folder}/{file}");
                let Some((version, _)) = parse_file_name(file) else {
                    panic!(
                        "{path}: a migration is named NNNN_name.sql (four digits, lower-case words)"
                    );
                };
                let listed =
                    |e: &&Entry| parse_file_name(e.file).is_some_and(|(v, _)| v == version);
                let Some(entry) = MIGRATIONS.iter().find(listed) else {
                    panic!(
                        "{path} is not listed in MIGRATIONS (core/src/store/migrations.rs): \
                         add shared!(\"{file}\") if both databases run it, or per_database!(…) \
                         with a file in each of sqlite/ and postgres/ and the reason"
                    );
                };
                assert_eq!(
                    entry.file, file,
                    "{path}: version {version} is listed in MIGRATIONS under another name"
                );
                match (&entry.sql, folder) {
                    (Sql::Shared(_), "shared")
                    | (Sql::PerDatabase { .. }, "sqlite" | "postgres") => {}
                    (Sql::Shared(_), _) => panic!(
                        "{path} overrides a shared version: list it as per_database!(…) with \
                         the reason, and move the shared file to the other database's folder"
                    ),
                    (Sql::PerDatabase { .. }, _) => panic!(
                        "{path}: {file} is listed as differing per database, so it belongs in \
                         sqlite/ and postgres/, not in shared/"
                    ),
                }
            }
        }
        assert_eq!(
            sqlite, postgres,
            "a version that differs per database needs a file in both sqlite/ and postgres/"
        );
        let top: BTreeSet<_> = std::fs::read_dir(root())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        let expected = ["README.md", "postgres", "shared", "sqlite"].map(String::from);
        assert_eq!(
            top,
            BTreeSet::from(expected),
            "migrations/ holds three folders and a README"
        );
    }

    /// The project's rule: every table says in its migration what it holds and when its rows
    /// go. A test cannot judge the words, but it can see that they are there.
    #[test]
    fn every_table_is_introduced_by_a_comment() {
        for folder in ["shared", "sqlite", "postgres"] {
            for file in files_in(folder) {
                let sql = std::fs::read_to_string(root().join(folder).join(&file)).unwrap();
                let mut previous = "";
                for line in sql.lines().filter(|l| !l.trim().is_empty()) {
                    if line
                        .trim_start()
                        .to_ascii_uppercase()
                        .starts_with("CREATE TABLE")
                    {
                        assert!(
                            previous.trim_start().starts_with("--"),
                            "migrations/{folder}/{file}: `{line}` needs a comment above it \
                             saying what the table holds and when its rows go"
                        );
                    }
                    previous = line;
                }
            }
        }
    }
}
