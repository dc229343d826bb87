-- The messaging kit's own tables, in the schema "messaging" with its own Flyway history
-- (messaging.schema_history), so a service's migrations and the kit's never compete for version numbers.

CREATE TABLE outbox_message (
    id           BIGSERIAL PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    message_key  TEXT        NOT NULL,
    -- events of one key share a lane; one relay at a time publishes a lane, in id order
    lane         SMALLINT    NOT NULL,
    event_type   TEXT        NOT NULL,
    source       TEXT        NOT NULL,
    subject      TEXT,
    occurred_at  TIMESTAMPTZ NOT NULL,
    payload      TEXT        NOT NULL,
    trace_parent TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at      TIMESTAMPTZ,
    attempts     INT         NOT NULL DEFAULT 0,
    last_error   TEXT
);

CREATE INDEX outbox_message_unsent ON outbox_message (lane, id) WHERE sent_at IS NULL;
CREATE INDEX outbox_message_sent_at ON outbox_message (sent_at) WHERE sent_at IS NOT NULL;

CREATE TABLE inbox_message (
    consumer    TEXT        NOT NULL,
    event_id    TEXT        NOT NULL,
    event_type  TEXT        NOT NULL,
    topic       TEXT        NOT NULL,
    partition   INT         NOT NULL,
    "offset"    BIGINT      NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
