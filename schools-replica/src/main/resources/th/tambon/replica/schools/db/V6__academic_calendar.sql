-- The academic calendar from schools.v1 (th.tambon.academic-calendar.changed.v1; docs/decisions/0014). Each event
-- carries the whole calendar: the default rule (kept in academic_calendar with the calendar's version) and every
-- recorded year. From it the replica writes one row per academic year that holds a programme date (2000-01-01 ..
-- 2100-12-31: BE 2542, which 2000-01-01 falls in, to 2643), each with its first and last day, so a service finds a
-- date's academic year in SQL:
--     JOIN schools_replica.academic_year y ON a.starts_on BETWEEN y.opens_on AND y.closes_on
-- Both tables are rewritten only by a newer version of the calendar, in the transaction that applies its event.
CREATE TABLE academic_calendar (
    id                           TEXT PRIMARY KEY CHECK (id = 'academic-calendar'),
    default_opens_on             TEXT        NOT NULL,
    default_second_semester_from TEXT        NOT NULL,
    changed_at                   TIMESTAMPTZ NOT NULL,
    version                      BIGINT      NOT NULL,
    last_event_id                TEXT        NOT NULL,
    updated_at                   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE academic_year (
    year_be              INT PRIMARY KEY,
    opens_on             DATE    NOT NULL,
    closes_on            DATE    NOT NULL,
    second_semester_from DATE    NOT NULL,
    recorded             BOOLEAN NOT NULL,
    note                 TEXT,
    CONSTRAINT academic_year_in_order CHECK (opens_on < second_semester_from AND second_semester_from <= closes_on)
);
