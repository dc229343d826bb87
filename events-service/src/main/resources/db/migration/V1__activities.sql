-- An ESA's activities (workshops, symposiums, PLCs, supervision visits…) and their history. The venue school is a
-- school of the ESA by the schools replica (checked by the command; no foreign key across the replica's schema, whose
-- rows arrive in any order). The academic year is the one the replicated calendar gave the start day when the
-- activity was drafted or changed. When it was drafted is its first history row.
CREATE TABLE activity (
    id                  UUID PRIMARY KEY,
    esa                 TEXT        NOT NULL,
    ref                 TEXT        NOT NULL,
    type                TEXT        NOT NULL CHECK (type IN ('WORKSHOP', 'SYMPOSIUM', 'PLC', 'SUPERVISION_VISIT',
                                                             'MEETING', 'TRAINING', 'ASSESSMENT')),
    title_th            TEXT        NOT NULL,
    tracks              TEXT[]      NOT NULL,
    venue_school        CHAR(8),
    venue               TEXT,
    organiser           TEXT,
    chair               TEXT,
    chair_title         TEXT,
    start_at            TIMESTAMPTZ NOT NULL,
    start_offset        TEXT        NOT NULL,
    end_at              TIMESTAMPTZ NOT NULL,
    end_offset          TEXT        NOT NULL,
    -- the day it starts in Bangkok: what date filters, fiscal and academic years go by
    starts_on           DATE        NOT NULL,
    academic_year       INT,
    agenda              TEXT[]      NOT NULL,
    funding_fiscal_year INT,
    funding_round       INT,
    funding_line        INT,
    cost_estimate       NUMERIC(14, 2),
    actual_cost         NUMERIC(14, 2),
    funds_committed     BOOLEAN     NOT NULL DEFAULT false,
    state               TEXT        NOT NULL CHECK (state IN ('DRAFT', 'PLANNED', 'FUNDING_REQUESTED', 'FUNDED',
                                                              'FUNDING_REJECTED', 'HELD', 'REPORTED', 'CLOSED',
                                                              'CANCELLED')),
    state_reason        TEXT,
    updated_at          TIMESTAMPTZ NOT NULL,
    version             BIGINT      NOT NULL CHECK (version >= 1),
    CONSTRAINT activity_ref_once_per_esa UNIQUE (esa, ref),
    CONSTRAINT activity_ends_after_it_starts CHECK (end_at > start_at),
    CONSTRAINT activity_has_a_venue CHECK (venue_school IS NOT NULL OR venue IS NOT NULL),
    CONSTRAINT activity_funding_whole CHECK ((funding_fiscal_year IS NULL) = (cost_estimate IS NULL)
        AND (funding_round IS NULL) = (cost_estimate IS NULL) AND (funding_line IS NULL) = (cost_estimate IS NULL)),
    CONSTRAINT activity_estimate_positive CHECK (cost_estimate > 0),
    CONSTRAINT activity_cost_not_negative CHECK (actual_cost >= 0),
    CONSTRAINT activity_cancelled_with_reason CHECK (state <> 'CANCELLED' OR state_reason IS NOT NULL)
);

-- an ESA's activities by date (lists, fiscal and academic years are date ranges)
CREATE INDEX activity_esa_starts_on ON activity (esa, starts_on, id);
-- every ESA's activities of a period (the all-ESA aggregate of a fiscal year)
CREATE INDEX activity_starts_on ON activity (starts_on);

CREATE TABLE activity_step (
    id          UUID PRIMARY KEY,
    activity    UUID        NOT NULL REFERENCES activity (id),
    state       TEXT        NOT NULL,
    change      TEXT        NOT NULL,
    reason      TEXT,
    recorded_at TIMESTAMPTZ NOT NULL,
    recorded_by TEXT        NOT NULL
);

CREATE INDEX activity_step_activity ON activity_step (activity, recorded_at);
