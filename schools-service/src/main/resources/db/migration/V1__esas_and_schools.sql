CREATE TABLE esa (
    code          TEXT PRIMARY KEY,
    kind          TEXT        NOT NULL CHECK (kind IN ('PRIMARY', 'SECONDARY')),
    zone          INT         NOT NULL CHECK (zone BETWEEN 1 AND 99),
    province_code CHAR(2)     NOT NULL,
    province      TEXT        NOT NULL,
    name_th       TEXT        NOT NULL,
    name_en       TEXT        NOT NULL,
    director      TEXT,
    registered_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE school (
    code          CHAR(8) PRIMARY KEY,
    name_th       TEXT        NOT NULL,
    name_en       TEXT,
    esa           TEXT        NOT NULL REFERENCES esa (code),
    province      TEXT        NOT NULL,
    district      TEXT        NOT NULL,
    tambon        TEXT        NOT NULL,
    tambon_code   CHAR(6)     NOT NULL,
    director      TEXT,
    registered_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX school_esa ON school (esa, code);
CREATE INDEX school_tambon_code ON school (tambon_code);
