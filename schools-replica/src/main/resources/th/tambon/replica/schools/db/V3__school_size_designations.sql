-- School size and quality-school status (schools.v1 0.3), and each school's designations with their dates, so this
-- service can answer "the quality schools of an ESA active on date D" from its own database.
ALTER TABLE school ADD COLUMN students INT;
ALTER TABLE school ADD COLUMN teachers INT;
ALTER TABLE school ADD COLUMN quality_status TEXT NOT NULL DEFAULT 'NONE';

CREATE TABLE designation (
    id            TEXT PRIMARY KEY,
    school        TEXT        NOT NULL,
    esa           TEXT        NOT NULL,
    tambon_code   TEXT        NOT NULL,
    status        TEXT        NOT NULL,
    nominated_on  DATE,
    designated_on DATE,
    active_from   DATE,
    withdrawn_on  DATE,
    version       BIGINT      NOT NULL,
    last_event_id TEXT        NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX designation_esa_active ON designation (esa, active_from);
CREATE INDEX designation_school ON designation (school);
