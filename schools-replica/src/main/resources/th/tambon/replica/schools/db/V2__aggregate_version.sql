-- version is now the ESA's or school's own version from the event (1 when registered), no longer a count of the
-- events applied; an event older than the row is ignored. Registration rows had version 1 either way.
ALTER TABLE esa ALTER COLUMN version TYPE BIGINT;
ALTER TABLE school ALTER COLUMN version TYPE BIGINT;
