-- Every accepted command of the service: who (from the token), when, what, on which object, with what change.
-- Written in the command's own transaction, so an entry exists exactly when the change does.
CREATE TABLE audit_entry (
    id          BIGSERIAL PRIMARY KEY,
    recorded_at TIMESTAMPTZ NOT NULL,
    subject     TEXT NOT NULL,
    role        TEXT,
    esa         TEXT,
    school      TEXT,
    command     TEXT NOT NULL,
    target_type TEXT NOT NULL,
    target_id   TEXT NOT NULL,
    change      JSONB NOT NULL
);

CREATE INDEX audit_entry_target ON audit_entry (target_type, target_id, recorded_at);
CREATE INDEX audit_entry_subject ON audit_entry (subject, recorded_at);
CREATE INDEX audit_entry_recorded_at ON audit_entry (recorded_at);
