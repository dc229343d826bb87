-- A row the relay could not publish waits (next_attempt_at) or, when it can never be published (too large, an
-- invalid or missing topic), is parked (parked_at) with the reason in last_error. Either way the later rows of its
-- key wait behind it, so a key's events are never published out of order.
ALTER TABLE outbox_message ADD COLUMN next_attempt_at TIMESTAMPTZ;
ALTER TABLE outbox_message ADD COLUMN parked_at TIMESTAMPTZ;

-- The relay's claim looks for an earlier unsent row of the same key.
CREATE INDEX outbox_message_unsent_key ON outbox_message (message_key, id) WHERE sent_at IS NULL;
CREATE INDEX outbox_message_parked ON outbox_message (id) WHERE parked_at IS NOT NULL AND sent_at IS NULL;

-- Inbox rows are pruned after the retention (the window in which a redelivered event is still recognised).
CREATE INDEX inbox_message_received_at ON inbox_message (received_at);
