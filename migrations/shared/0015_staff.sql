-- Staff who sign in as themselves (issue 23): who did what in the audit log, and the sign-in
-- state behind it. None of these tables holds data of citizens.

-- The audit log names the signed-in person: `actor` keeps the display name the identity
-- provider (or the local account, or the API token's name) gave, `subject` the stable id
-- behind it (`oidc:<issuer>#<sub>`, `local:<name>`, `token:<id>`, `admin-token`). Rows written
-- before this version have none. Goes with its row (the catalogue's `[retention] audit_days`).
ALTER TABLE admin_audit ADD COLUMN subject TEXT;

-- Staff accounts of an office without an identity provider (`schalter staff add`).
-- Holds personal data of staff: the account's name, an Argon2id hash of its password (never the
-- password), its roles, and the count of failed sign-ins and the lock they led to.
-- Goes: when an admin removes the account (`schalter staff remove`), with its sessions.
CREATE TABLE staff_accounts (
    name TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    roles TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until BIGINT
);

-- Signed-in staff: one row per browser session. Holds the SHA-256 of the session's secret (the
-- secret itself exists only in the browser's cookie), the person (subject, display name), the
-- roles they had when signing in, the secret the page sends back against cross-site requests,
-- and when it was opened, last used and ends at the latest.
-- Goes: at sign-out, when the account is removed, and once idle or past its end (checked at
-- every use; the retention job deletes what is left).
CREATE TABLE staff_sessions (
    hash TEXT PRIMARY KEY,
    subject TEXT NOT NULL,
    name TEXT NOT NULL,
    roles TEXT NOT NULL,
    csrf TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX staff_sessions_subject ON staff_sessions (subject);
CREATE INDEX staff_sessions_expires ON staff_sessions (expires_at);

-- Sign-ins under way at the identity provider: the SHA-256 of the secret in the browser's
-- short-lived cookie, and the `state`, `nonce` and PKCE verifier the callback checks. Holds no
-- personal data. Goes: when the callback takes it (once), else after 10 minutes (retention job).
CREATE TABLE staff_logins (
    hash TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    nonce TEXT NOT NULL,
    verifier TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- API tokens for automation (CI, scripts, translation exports): the SHA-256 of the token
-- (shown once when made), its name and roles, who made it (the person's display name and
-- subject), when it was made, ends, was revoked and last used.
-- Goes: 30 days after it expired or was revoked (retention job), so the list still shows it
-- for a while.
CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    roles TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_by_subject TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT,
    last_used_at BIGINT
);
