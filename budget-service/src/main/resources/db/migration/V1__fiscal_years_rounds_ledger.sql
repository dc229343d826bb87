-- budget-service's own tables (docs/decisions/0019). Baht are NUMERIC(14,2); a line's balance is derived from the
-- append-only ledger and kept beside it on the line, in the same transaction as every entry, with the database
-- refusing any balance below zero.

-- An ESA's fiscal year (BE), created with its first round (version 0 until its first event). version counts budget.v1's events on the key
-- <esa>/<year> (rounds received and revised, transfers, direct expenditures, the closing) and only grows.
CREATE TABLE fiscal_year (
    esa        TEXT        NOT NULL,
    year       INT         NOT NULL CHECK (year BETWEEN 2500 AND 2700),
    closed_at  TIMESTAMPTZ,
    closed_by  TEXT,
    version    BIGINT      NOT NULL CHECK (version >= 0),
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (esa, year)
);

-- OBEC's allocation round to an ESA (ครั้งที่ n), natural key (esa, fiscal_year, round). amount is the round's amount as
-- revised (the sum of its lines' amounts), original_amount what it was when received.
CREATE TABLE allocation_round (
    id              UUID           PRIMARY KEY,
    esa             TEXT           NOT NULL,
    fiscal_year     INT            NOT NULL,
    round           INT            NOT NULL CHECK (round >= 1),
    received_on     DATE,
    document_ref    TEXT,
    original_amount NUMERIC(14, 2) NOT NULL CHECK (original_amount >= 0),
    amount          NUMERIC(14, 2) NOT NULL CHECK (amount >= 0),
    recorded_at     TIMESTAMPTZ    NOT NULL,
    recorded_by     TEXT           NOT NULL,
    updated_at      TIMESTAMPTZ    NOT NULL,
    UNIQUE (esa, fiscal_year, round),
    FOREIGN KEY (esa, fiscal_year) REFERENCES fiscal_year (esa, year)
);

-- A line of a round. amount is the line's amount as revised; transferred the net of transfers in and out; committed
-- and spent what open commitments hold and what was spent. allocated = amount + transferred; remaining = allocated -
-- committed - spent. These four are the ledger's sums (LedgerTest checks them), kept here so that a commitment locks
-- and checks one row; the CHECKs are the database's guarantee that no balance is ever negative, whatever the code does.
CREATE TABLE allocation_line (
    id              UUID           PRIMARY KEY,
    round_id        UUID           NOT NULL REFERENCES allocation_round (id),
    esa             TEXT           NOT NULL,
    fiscal_year     INT            NOT NULL,
    round           INT            NOT NULL,
    line            INT            NOT NULL CHECK (line >= 1),
    category        TEXT           NOT NULL CHECK (category IN ('PERSONNEL', 'OPERATING', 'INVESTMENT', 'SUBSIDY', 'OTHER')),
    purpose_th      TEXT           NOT NULL,
    original_amount NUMERIC(14, 2) NOT NULL CHECK (original_amount >= 0),
    amount          NUMERIC(14, 2) NOT NULL CHECK (amount >= 0),
    transferred     NUMERIC(14, 2) NOT NULL DEFAULT 0,
    committed       NUMERIC(14, 2) NOT NULL DEFAULT 0 CHECK (committed >= 0),
    spent           NUMERIC(14, 2) NOT NULL DEFAULT 0 CHECK (spent >= 0),
    CONSTRAINT allocation_line_allocated_not_negative CHECK (amount + transferred >= 0),
    CONSTRAINT allocation_line_remaining_not_negative CHECK (committed + spent <= amount + transferred),
    UNIQUE (esa, fiscal_year, round, line)
);
CREATE INDEX allocation_line_round ON allocation_line (round_id, line);
CREATE INDEX allocation_line_fiscal_year ON allocation_line (fiscal_year, esa);

-- An activity's commitment (ผูกพันงบประมาณ) of a line, one per (activity, request): the saga's business key, so a
-- request committed once is never committed again, whatever the inbox or a replay does. OPEN until spent or released;
-- carried_over_* when reserved past its year's end (กันเงินไว้เบิกเหลื่อมปี).
CREATE TABLE commitment (
    id                           UUID           PRIMARY KEY,
    line_id                      UUID           NOT NULL REFERENCES allocation_line (id),
    activity                     UUID           NOT NULL,
    request                      INT            NOT NULL CHECK (request >= 1),
    amount                       NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
    state                        TEXT           NOT NULL CHECK (state IN ('OPEN', 'SPENT', 'RELEASED')),
    committed_at                 TIMESTAMPTZ    NOT NULL,
    settled_at                   TIMESTAMPTZ,
    carried_over_ref             TEXT,
    carried_over_with_obligation BOOLEAN,
    carried_over_at              TIMESTAMPTZ,
    carried_over_by              TEXT,
    UNIQUE (activity, request)
);
CREATE INDEX commitment_open_on_line ON commitment (line_id) WHERE state = 'OPEN';

-- Money spent (เบิกจ่าย): an activity's actual cost (its commitment's, once) or a direct expenditure.
CREATE TABLE expenditure (
    id           UUID           PRIMARY KEY,
    line_id      UUID           NOT NULL REFERENCES allocation_line (id),
    amount       NUMERIC(14, 2) NOT NULL CHECK (amount >= 0),
    spent_on     DATE           NOT NULL,
    activity     UUID,
    request      INT,
    commitment   UUID           UNIQUE REFERENCES commitment (id),
    purpose_th   TEXT           NOT NULL,
    document_ref TEXT,
    recorded_at  TIMESTAMPTZ    NOT NULL,
    recorded_by  TEXT           NOT NULL
);
CREATE INDEX expenditure_line ON expenditure (line_id);

-- A transfer between two lines of one ESA and fiscal year (โอนเปลี่ยนแปลง).
CREATE TABLE transfer (
    id             UUID           PRIMARY KEY,
    esa            TEXT           NOT NULL,
    fiscal_year    INT            NOT NULL,
    from_line      UUID           NOT NULL REFERENCES allocation_line (id),
    to_line        UUID           NOT NULL REFERENCES allocation_line (id),
    amount         NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
    reason         TEXT           NOT NULL,
    document_ref   TEXT           NOT NULL,
    transferred_at TIMESTAMPTZ    NOT NULL,
    transferred_by TEXT           NOT NULL,
    CHECK (from_line <> to_line)
);

-- The ledger: every movement of money on a line, append-only (the trigger below refuses UPDATE and DELETE). The
-- signed amount counts towards one of the line's sums: ALLOCATED, REVISED, TRANSFERRED_IN and TRANSFERRED_OUT towards
-- allocated; COMMITTED and RELEASED towards committed; SPENT towards spent. CARRIED_OVER moves nothing (the commitment
-- stays committed); it records the reservation past the year end with the commitment's amount.
CREATE TABLE ledger_entry (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    line_id      UUID           NOT NULL REFERENCES allocation_line (id),
    esa          TEXT           NOT NULL,
    fiscal_year  INT            NOT NULL,
    kind         TEXT           NOT NULL,
    amount       NUMERIC(14, 2) NOT NULL,
    activity     UUID,
    request      INT,
    commitment   UUID,
    expenditure  UUID,
    transfer     UUID,
    reason       TEXT,
    document_ref TEXT,
    recorded_at  TIMESTAMPTZ    NOT NULL,
    recorded_by  TEXT           NOT NULL,
    CONSTRAINT ledger_entry_sign CHECK (
        (kind = 'ALLOCATED' AND amount >= 0) OR (kind = 'REVISED' AND amount <> 0)
        OR (kind = 'TRANSFERRED_IN' AND amount > 0) OR (kind = 'TRANSFERRED_OUT' AND amount < 0)
        OR (kind = 'COMMITTED' AND amount > 0) OR (kind = 'RELEASED' AND amount < 0)
        OR (kind = 'SPENT' AND amount > 0) OR (kind = 'CARRIED_OVER' AND amount > 0))
);
CREATE INDEX ledger_entry_line ON ledger_entry (line_id, id);
CREATE INDEX ledger_entry_fiscal_year ON ledger_entry (esa, fiscal_year, id);

CREATE FUNCTION ledger_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger_entry is append-only: % refused', TG_OP;
END $$;
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_append_only();

-- The funding saga seen from budget-service, one row per activity that ever asked. request is the newest request
-- seen; seen_version the newest events.v1 funding version handled (a funding event at or below it is a replay and
-- changes nothing); version counts budget.v1's events on the activity's key and only grows.
CREATE TABLE funding_saga (
    activity     UUID        PRIMARY KEY,
    esa          TEXT        NOT NULL,
    request      INT         NOT NULL CHECK (request >= 1),
    state        TEXT        NOT NULL CHECK (state IN ('COMMITTED', 'REJECTED', 'SPENT', 'SPENDING_REFUSED', 'RELEASED')),
    seen_version BIGINT      NOT NULL CHECK (seen_version >= 1),
    version      BIGINT      NOT NULL CHECK (version >= 0),
    started_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX funding_saga_unsettled ON funding_saga (updated_at) WHERE state IN ('COMMITTED', 'SPENDING_REFUSED');

-- The answer given to each (activity, request), once: asked again, budget-service repeats it. amount is what was asked,
-- exactly, whatever it was (NUMERIC without a bound: a request too large for a line is refused, not lost).
CREATE TABLE funding_answer (
    activity    UUID           NOT NULL,
    request     INT            NOT NULL,
    esa         TEXT           NOT NULL,
    fiscal_year INT            NOT NULL,
    round       INT            NOT NULL,
    line        INT            NOT NULL,
    amount      NUMERIC        NOT NULL,
    commitment  UUID           REFERENCES commitment (id),
    reason      TEXT,
    message     TEXT,
    answered_at TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (activity, request),
    CHECK ((commitment IS NULL) <> (reason IS NULL))
);

-- What happened in each saga, for people (GET /api/v1/funding-sagas/{activity}).
CREATE TABLE saga_step (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    activity UUID           NOT NULL,
    request  INT            NOT NULL,
    step     TEXT           NOT NULL,
    amount   NUMERIC,
    reason   TEXT,
    message  TEXT,
    at       TIMESTAMPTZ    NOT NULL
);
CREATE INDEX saga_step_activity ON saga_step (activity, id);
