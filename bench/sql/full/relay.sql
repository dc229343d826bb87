-- One lane transaction of schools-service's outbox relay, after the round's look at the backlog: take the lane, claim up
-- to {batch} unsent rows of it, mark them sent (the rows' Kafka send happens in between; here, nothing).
SELECT lane, topic, count(*) FILTER (WHERE parked_at IS NULL) AS pending,
       count(*) FILTER (WHERE parked_at IS NOT NULL) AS parked,
       min(created_at) FILTER (WHERE parked_at IS NULL) AS oldest
FROM messaging.outbox_message WHERE sent_at IS NULL GROUP BY lane, topic;
BEGIN;
SELECT pg_try_advisory_xact_lock(2053832705, :lane)
FROM (SELECT set_config('idle_in_transaction_session_timeout', '25000', true)) AS bounded;
SELECT coalesce(array_agg(claimed.id), '{}') AS ids FROM (
SELECT o.* FROM messaging.outbox_message o
WHERE o.lane = :lane AND o.sent_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM messaging.outbox_message e
                  WHERE e.message_key = o.message_key AND e.sent_at IS NULL AND e.id <= o.id
                    AND (e.parked_at IS NOT NULL OR e.next_attempt_at > now()))
ORDER BY o.id LIMIT {batch} FOR UPDATE SKIP LOCKED) claimed \gset
UPDATE messaging.outbox_message SET sent_at = now(), attempts = attempts + 1, last_error = NULL,
    next_attempt_at = NULL WHERE id = ANY (:ids::bigint[]);
COMMIT;
