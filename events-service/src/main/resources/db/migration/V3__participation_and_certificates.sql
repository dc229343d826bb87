-- Who took part in a held activity (part of the activity: recording it bumps the activity's version), and the
-- certificates (เกียรติบัตร) awarded at activities, each its own aggregate with its own version.

-- One row per activity, replaced when recorded again. Counts per role; total at least their sum; the ESA's schools
-- that attended (by the schools replica, checked by the command), in code order.
CREATE TABLE activity_participation (
    activity         UUID PRIMARY KEY REFERENCES activity (id),
    school_directors INT         NOT NULL CHECK (school_directors >= 0),
    teachers         INT         NOT NULL CHECK (teachers >= 0),
    supervisors      INT         NOT NULL CHECK (supervisors >= 0),
    staff            INT         NOT NULL CHECK (staff >= 0),
    students         INT         NOT NULL CHECK (students >= 0),
    committee        INT         NOT NULL CHECK (committee >= 0),
    other            INT         NOT NULL CHECK (other >= 0),
    total            INT         NOT NULL,
    schools          TEXT[]      NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL,
    recorded_by      TEXT        NOT NULL,
    CONSTRAINT participation_total_covers_the_roles CHECK (total >= school_directors + teachers + supervisors + staff
        + students + committee + other)
);

-- The last number given per ESA and academic year. The award's transaction takes the next one with
-- INSERT … ON CONFLICT DO UPDATE … RETURNING, which holds the row until it commits: awards of one ESA and year take
-- turns, and a rolled-back award gives its number back, so numbers run 1, 2, 3… without gaps or duplicates.
CREATE TABLE certificate_counter (
    esa           TEXT NOT NULL,
    academic_year INT  NOT NULL,
    last_number   INT  NOT NULL CHECK (last_number >= 1),
    PRIMARY KEY (esa, academic_year)
);

-- A certificate to a school or a person at an activity. What it states (the office, the recipient, the activity's
-- title, the date, who signs) is kept as it was when awarded, so the paper, the PDF and the public lookup agree for
-- ever. The verification code is the capability printed on it (>= 128 random bits).
CREATE TABLE certificate (
    id                UUID PRIMARY KEY,
    activity          UUID        NOT NULL REFERENCES activity (id),
    esa               TEXT        NOT NULL,
    academic_year     INT         NOT NULL,
    number            INT         NOT NULL CHECK (number >= 1),
    school            CHAR(8),
    person            TEXT,
    person_title      TEXT,
    recipient         TEXT        NOT NULL,
    office            TEXT        NOT NULL,
    activity_title    TEXT        NOT NULL,
    given_on          DATE        NOT NULL,
    chair             TEXT        NOT NULL,
    chair_title       TEXT        NOT NULL,
    verification_code TEXT        NOT NULL,
    awarded_at        TIMESTAMPTZ NOT NULL,
    awarded_by        TEXT        NOT NULL,
    revoked_at        TIMESTAMPTZ,
    revoked_by        TEXT,
    revocation_reason TEXT,
    version           BIGINT      NOT NULL CHECK (version >= 1),
    CONSTRAINT certificate_number_once UNIQUE (esa, academic_year, number),
    CONSTRAINT certificate_code_once UNIQUE (verification_code),
    CONSTRAINT certificate_to_a_school_or_a_person CHECK ((school IS NULL) <> (person IS NULL)),
    CONSTRAINT certificate_revoked_whole CHECK ((revoked_at IS NULL) = (revocation_reason IS NULL)
        AND (revoked_at IS NULL) = (revoked_by IS NULL))
);

-- one certificate per school, and per person's name, at an activity (the command says which is taken, with 409)
CREATE UNIQUE INDEX certificate_school_once_per_activity ON certificate (activity, school) WHERE school IS NOT NULL;
CREATE UNIQUE INDEX certificate_person_once_per_activity ON certificate (activity, person) WHERE person IS NOT NULL;
-- an activity's certificates in number order
CREATE INDEX certificate_activity_number ON certificate (activity, number);
