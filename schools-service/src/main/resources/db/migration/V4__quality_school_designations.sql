-- Quality-school designations and the history of their steps. The database itself keeps the programme's rule:
-- a school has at most one designation that is not withdrawn, a tambon at most one ACTIVE quality school, and no two
-- designations of one tambon are active over overlapping dates (recorded history included).
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE designation (
    id            UUID PRIMARY KEY,
    school        CHAR(8)     NOT NULL REFERENCES school (code),
    esa           TEXT        NOT NULL REFERENCES esa (code),
    tambon_code   TEXT        NOT NULL,
    status        TEXT        NOT NULL CHECK (status IN ('NOMINATED', 'DESIGNATED', 'ACTIVE', 'WITHDRAWN')),
    nominated_on  DATE        NOT NULL,
    designated_on DATE,
    active_from   DATE,
    withdrawn_on  DATE,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT designation_dates_in_order CHECK (
        (designated_on IS NULL OR designated_on >= nominated_on)
        AND (active_from IS NULL OR (designated_on IS NOT NULL AND active_from >= designated_on))
        AND (withdrawn_on IS NULL OR withdrawn_on >= coalesce(active_from, designated_on, nominated_on))),
    CONSTRAINT designation_dates_match_status CHECK (
        (status = 'NOMINATED' AND designated_on IS NULL AND active_from IS NULL AND withdrawn_on IS NULL)
        OR (status = 'DESIGNATED' AND designated_on IS NOT NULL AND active_from IS NULL AND withdrawn_on IS NULL)
        OR (status = 'ACTIVE' AND active_from IS NOT NULL AND withdrawn_on IS NULL)
        OR (status = 'WITHDRAWN' AND withdrawn_on IS NOT NULL)),
    CONSTRAINT designation_active_periods_do_not_overlap EXCLUDE USING gist (
        tambon_code WITH =, daterange(active_from, withdrawn_on) WITH &&) WHERE (active_from IS NOT NULL)
);

CREATE UNIQUE INDEX designation_one_open_per_school ON designation (school) WHERE status <> 'WITHDRAWN';
CREATE UNIQUE INDEX designation_one_active_per_tambon ON designation (tambon_code) WHERE status = 'ACTIVE';
CREATE INDEX designation_esa_active ON designation (esa, active_from) WHERE active_from IS NOT NULL;
CREATE INDEX designation_school ON designation (school, created_at);

CREATE TABLE designation_step (
    id           UUID PRIMARY KEY,
    designation  UUID        NOT NULL REFERENCES designation (id),
    status       TEXT        NOT NULL CHECK (status IN ('NOMINATED', 'DESIGNATED', 'ACTIVE', 'WITHDRAWN')),
    effective_on DATE        NOT NULL,
    reason       TEXT,
    recorded_at  TIMESTAMPTZ NOT NULL,
    recorded_by  TEXT        NOT NULL
);

CREATE INDEX designation_step_designation ON designation_step (designation, recorded_at);
