SET client_min_messages = warning;
-- The tables the baselines write, shaped like schools-service's school + outbox and a replica's school + inbox.
DROP TABLE IF EXISTS school, outbox_message, replica_school, inbox_message;
CREATE TABLE school (
    code TEXT PRIMARY KEY, name_th TEXT NOT NULL, name_en TEXT, esa TEXT NOT NULL, province TEXT NOT NULL,
    district TEXT NOT NULL, tambon TEXT NOT NULL, tambon_code TEXT NOT NULL, director TEXT,
    registered_at TIMESTAMPTZ NOT NULL, version BIGINT NOT NULL DEFAULT 1);
CREATE TABLE outbox_message (
    id BIGSERIAL PRIMARY KEY, event_id UUID NOT NULL UNIQUE, topic TEXT NOT NULL, message_key TEXT NOT NULL,
    lane SMALLINT NOT NULL, event_type TEXT NOT NULL, source TEXT NOT NULL, subject TEXT,
    occurred_at TIMESTAMPTZ NOT NULL, payload TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at TIMESTAMPTZ);
CREATE INDEX outbox_message_unsent ON outbox_message (lane, id) WHERE sent_at IS NULL;
CREATE TABLE replica_school (
    code TEXT PRIMARY KEY, name_th TEXT NOT NULL, esa TEXT NOT NULL, tambon_code TEXT NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL, version BIGINT NOT NULL, last_event_id TEXT NOT NULL);
CREATE TABLE inbox_message (
    consumer TEXT NOT NULL, event_id TEXT NOT NULL, event_type TEXT NOT NULL, topic TEXT NOT NULL,
    partition INT NOT NULL, "offset" BIGINT NOT NULL, received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id));
