-- Each ESA's quality-school network: its chair (school and person), its members, and every chair it has had.
CREATE TABLE network (
    esa          TEXT PRIMARY KEY REFERENCES esa (code),
    chair_school CHAR(8)     NOT NULL REFERENCES school (code),
    chair_person TEXT        NOT NULL,
    formed_at    TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE network_member (
    id        UUID PRIMARY KEY,
    esa       TEXT        NOT NULL REFERENCES network (esa),
    school    CHAR(8)     NOT NULL REFERENCES school (code),
    joined_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT network_member_once UNIQUE (esa, school)
);

CREATE TABLE network_chair (
    id           UUID PRIMARY KEY,
    esa          TEXT        NOT NULL REFERENCES network (esa),
    chair_school CHAR(8)     NOT NULL REFERENCES school (code),
    chair_person TEXT        NOT NULL,
    since        TIMESTAMPTZ NOT NULL,
    recorded_by  TEXT        NOT NULL
);

CREATE INDEX network_chair_esa ON network_chair (esa, since);
