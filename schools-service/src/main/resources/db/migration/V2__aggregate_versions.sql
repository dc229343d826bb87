-- Every event about an ESA or a school carries the version the change produced (1 when registered), so that
-- consumers keep the newest state whatever order or number of times events reach them.
ALTER TABLE esa ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE school ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
