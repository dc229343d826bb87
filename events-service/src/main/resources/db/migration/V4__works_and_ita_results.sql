-- Outstanding works presented at an ESA's activities, the ESA's selection, and the letters that forward the selected
-- ones to OBEC; the ITA results of schools and ESAs. The school of a work and the subject of a result are checked
-- against the schools replica by the command (no foreign key across the replica's schema, whose rows arrive in any
-- order).

-- A letter with which an ESA forwarded selected works to OBEC, in one batch.
CREATE TABLE work_forwarding (
    id           UUID PRIMARY KEY,
    esa          TEXT        NOT NULL,
    document_ref TEXT        NOT NULL CHECK (document_ref <> ''),
    sent_on      DATE        NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL,
    recorded_by  TEXT        NOT NULL
);

CREATE INDEX work_forwarding_esa ON work_forwarding (esa, sent_on);

CREATE TABLE work (
    id                 UUID PRIMARY KEY,
    activity           UUID        NOT NULL REFERENCES activity (id),
    esa                TEXT        NOT NULL,
    school             CHAR(8)     NOT NULL,
    title              TEXT        NOT NULL CHECK (title <> ''),
    track              TEXT        NOT NULL CHECK (track IN ('INNOVATION', 'OCCUPATION', 'QUALITY_CLASSROOM',
                                                             'ENVIRONMENT', 'ITA')),
    presenter_category TEXT        NOT NULL CHECK (presenter_category IN ('ADMINISTRATOR', 'TEACHER', 'STAFF',
                                                                          'STUDENT')),
    presenter          TEXT,
    status             TEXT        NOT NULL CHECK (status IN ('PRESENTED', 'SELECTED', 'NOT_SELECTED', 'FORWARDED')),
    note               TEXT,
    forwarding         UUID REFERENCES work_forwarding (id),
    -- the order the ESA listed it in its forwarding's batch
    forwarding_index   INT,
    updated_at         TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL CHECK (version >= 1),
    CONSTRAINT work_forwarded_with_its_letter CHECK ((status = 'FORWARDED') = (forwarding IS NOT NULL)
        AND (forwarding IS NULL) = (forwarding_index IS NULL))
);

-- an ESA's works by activity, status, track (the list's filters)
CREATE INDEX work_esa ON work (esa, activity, status);
CREATE INDEX work_activity ON work (activity);
CREATE INDEX work_forwarding_works ON work (forwarding, forwarding_index);

CREATE TABLE work_step (
    id          UUID PRIMARY KEY,
    work        UUID        NOT NULL REFERENCES work (id),
    status      TEXT        NOT NULL,
    note        TEXT,
    forwarding  UUID,
    recorded_at TIMESTAMPTZ NOT NULL,
    recorded_by TEXT        NOT NULL
);

CREATE INDEX work_step_work ON work_step (work, recorded_at);

-- A school's or an ESA's ITA result for a fiscal year (BE): its score and the three instruments' (IIT, EIT, OIT),
-- 0.00–100.00. The level (AA…F) is the score's, computed by the domain and kept for lists filtered by it. esa is the
-- subject itself for an ESA, the school's ESA (by the replica, when recorded) for a school.
CREATE TABLE ita_result (
    -- ita/<code>/<fiscalYear>: the key of its events (a school's and an ESA's codes never look alike)
    id           TEXT PRIMARY KEY,
    subject_type TEXT          NOT NULL CHECK (subject_type IN ('SCHOOL', 'ESA')),
    code         TEXT          NOT NULL,
    fiscal_year  INT           NOT NULL CHECK (fiscal_year BETWEEN 2543 AND 2643),
    esa          TEXT          NOT NULL,
    score        NUMERIC(5, 2) NOT NULL CHECK (score BETWEEN 0 AND 100),
    level        TEXT          NOT NULL CHECK (level IN ('AA', 'A', 'B', 'C', 'D', 'E', 'F')),
    iit          NUMERIC(5, 2) CHECK (iit BETWEEN 0 AND 100),
    eit          NUMERIC(5, 2) CHECK (eit BETWEEN 0 AND 100),
    oit          NUMERIC(5, 2) CHECK (oit BETWEEN 0 AND 100),
    recorded_at  TIMESTAMPTZ   NOT NULL,
    recorded_by  TEXT          NOT NULL,
    version      BIGINT        NOT NULL CHECK (version >= 1),
    CONSTRAINT ita_result_once_per_subject_and_year UNIQUE (subject_type, code, fiscal_year),
    CONSTRAINT ita_result_id_is_its_key CHECK (id = 'ita/' || code || '/' || fiscal_year)
);

CREATE INDEX ita_result_esa ON ita_result (esa, fiscal_year);
