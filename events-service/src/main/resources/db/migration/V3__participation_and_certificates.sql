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
