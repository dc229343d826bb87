-- Academic years whose boundaries differ from the default rule (16 May / 1 November), and the schools'
-- development plans (แผนพัฒนาคุณภาพ) per academic year with their targets per track and their history.
CREATE TABLE academic_year (
    year_be              INT PRIMARY KEY CHECK (year_be BETWEEN 2500 AND 2700),
    opens_on             DATE NOT NULL,
    second_semester_from DATE NOT NULL,
    note                 TEXT,
    CONSTRAINT academic_year_semesters_in_order CHECK (second_semester_from > opens_on),
    CONSTRAINT academic_year_opens_in_its_year CHECK (EXTRACT(YEAR FROM opens_on) = year_be - 543)
);

-- 2563 opened late because of COVID-19: semester 1 from 1 July 2020, semester 2 from 1 December 2020.
INSERT INTO academic_year (year_be, opens_on, second_semester_from, note)
VALUES (2563, DATE '2020-07-01', DATE '2020-12-01', 'เปิดภาคเรียนที่ 1 วันที่ 1 กรกฎาคม 2563 (สถานการณ์ COVID-19)');

CREATE TABLE development_plan (
    id            UUID PRIMARY KEY,
    school        CHAR(8)     NOT NULL REFERENCES school (code),
    esa           TEXT        NOT NULL REFERENCES esa (code),
    academic_year INT         NOT NULL CHECK (academic_year BETWEEN 2500 AND 2700),
    status        TEXT        NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED')),
    return_reason TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    version       BIGINT      NOT NULL CHECK (version >= 1),
    CONSTRAINT development_plan_once_a_year UNIQUE (school, academic_year),
    CONSTRAINT development_plan_returned_with_reason CHECK (status <> 'RETURNED' OR return_reason IS NOT NULL)
);

-- the ESA's plans of a year by status: "what is waiting for approval"
CREATE INDEX development_plan_esa_year ON development_plan (esa, academic_year, status);

CREATE TABLE development_plan_target (
    id        UUID PRIMARY KEY,
    plan      UUID NOT NULL REFERENCES development_plan (id),
    track     TEXT NOT NULL CHECK (track IN ('INNOVATION', 'OCCUPATION', 'QUALITY_CLASSROOM', 'ENVIRONMENT', 'ITA')),
    goal      TEXT NOT NULL,
    indicator TEXT,
    CONSTRAINT development_plan_target_once_a_track UNIQUE (plan, track)
);

CREATE TABLE development_plan_step (
    id          UUID PRIMARY KEY,
    plan        UUID        NOT NULL REFERENCES development_plan (id),
    status      TEXT        NOT NULL,
    change      TEXT        NOT NULL,
    reason      TEXT,
    recorded_at TIMESTAMPTZ NOT NULL,
    recorded_by TEXT        NOT NULL
);

CREATE INDEX development_plan_step_plan ON development_plan_step (plan, recorded_at);
