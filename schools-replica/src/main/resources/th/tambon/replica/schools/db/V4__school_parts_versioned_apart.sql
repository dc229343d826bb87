-- A school's row holds two parts that different events carry: its details (school.registered and school.updated) and
-- its quality status (designation-changed, which also keeps the designation table). One version for both let an event
-- of one kind that came late (redriven, replayed) be discarded after an event of the other kind had moved the version,
-- leaving its part stale for good. Now the details have a version of their own, and the quality status is taken from
-- the designation table (the status of the designation with the highest version: the school's latest step), whatever
-- order the events came in. version stays the highest school version the row has seen.
ALTER TABLE school ADD COLUMN details_version BIGINT;
UPDATE school SET details_version = version;
ALTER TABLE school ALTER COLUMN details_version SET NOT NULL;
