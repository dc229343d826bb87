-- The academic calendar last announced on schools.v1 (th.tambon.academic-calendar.changed.v1): one row, the
-- calendar's key. At start-up the service locks it, compares the calendar it has now (academic_year and the default
-- rule) with the one announced, and when they differ appends the next version to the outbox and records it here, in
-- one transaction (docs/decisions/0014). version 0 and no data: nothing announced yet.
CREATE TABLE academic_calendar_announcement (
    id           TEXT PRIMARY KEY CHECK (id = 'academic-calendar'),
    version      BIGINT NOT NULL CHECK (version >= 0),
    event_data   TEXT,
    announced_at TIMESTAMPTZ,
    CONSTRAINT academic_calendar_announcement_announced CHECK ((version = 0) = (event_data IS NULL))
);

INSERT INTO academic_calendar_announcement (id, version) VALUES ('academic-calendar', 0);
