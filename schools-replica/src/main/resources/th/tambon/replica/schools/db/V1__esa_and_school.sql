-- A service's replica of schools-service's ESAs and schools, in schema schools_replica, built only from schools.v1
-- events (never from schools-service's tables). No foreign key between them: events of different keys arrive in
-- any order.
CREATE TABLE esa (
    code          TEXT PRIMARY KEY,
    kind          TEXT        NOT NULL,
    zone          INT         NOT NULL,
    province_code TEXT        NOT NULL,
    province      TEXT        NOT NULL,
    name_th       TEXT        NOT NULL,
    name_en       TEXT        NOT NULL,
    director      TEXT,
    registered_at TIMESTAMPTZ NOT NULL,
    version       INT         NOT NULL,
    last_event_id TEXT        NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE school (
    code          TEXT PRIMARY KEY,
    name_th       TEXT        NOT NULL,
    name_en       TEXT,
    esa           TEXT        NOT NULL,
    province      TEXT        NOT NULL,
    district      TEXT        NOT NULL,
    tambon        TEXT        NOT NULL,
    tambon_code   TEXT        NOT NULL,
    director      TEXT,
    registered_at TIMESTAMPTZ NOT NULL,
    version       INT         NOT NULL,
    last_event_id TEXT        NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX school_esa ON school (esa, code);
