-- What admins did, for accountability: who (the name an admin gave, else "admin"), when,
-- what kind of action and on what (a message id, "catalogue"); never personal data of
-- citizens: forgetting a citizen is recorded without saying whom. Kept 365 days, then
-- deleted by the daily purge.
CREATE TABLE admin_audit (
    id TEXT PRIMARY KEY,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL
);
CREATE INDEX admin_audit_by_time ON admin_audit (at);
