-- The funding of an activity, the funding saga's own aggregate (docs/decisions/0016): its events on events.v1 have the
-- key <activity>/funding and carry this row's version, so that activity.changed.v1 keeps the activity's own versions on
-- the activity's key. One row per activity that ever asked budget-service for money, created when it is first planned
-- with funding. request is the number of its current request (1, one more each time it is planned again after a
-- rejection); budget-service's answer moves the activity only when it names this number while the activity is
-- FUNDING_REQUESTED. The line and amount are the current request's; requested_at is when it was last asked (asking again
-- after no answer renews it), which is what "overdue" is judged by.
CREATE TABLE activity_funding (
    activity     UUID           PRIMARY KEY REFERENCES activity (id),
    esa          TEXT           NOT NULL,
    request      INT            NOT NULL CHECK (request >= 1),
    fiscal_year  INT            NOT NULL,
    round        INT            NOT NULL,
    line         INT            NOT NULL,
    amount       NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
    requested_at TIMESTAMPTZ    NOT NULL,
    updated_at   TIMESTAMPTZ    NOT NULL,
    version      BIGINT         NOT NULL CHECK (version >= 1)
);

-- requests waiting longest first (the overdue list and gauge)
CREATE INDEX activity_funding_requested_at ON activity_funding (requested_at);
-- the activities waiting for budget-service: few among many
CREATE INDEX activity_awaiting_funding ON activity (id) WHERE state = 'FUNDING_REQUESTED';

-- budget-service's machine-readable reason on the history row of a rejection (INSUFFICIENT_BALANCE...), beside its
-- message in reason
ALTER TABLE activity_step ADD COLUMN reason_code TEXT;

-- Activities planned with funding before the funding had a row of its own were never asked for it: they get their
-- first request as of their last change, so they show as overdue and an operator asks budget-service (retry).
INSERT INTO activity_funding (activity, esa, request, fiscal_year, round, line, amount, requested_at, updated_at, version)
SELECT id, esa, 1, funding_fiscal_year, funding_round, funding_line, cost_estimate, updated_at, updated_at, 1
FROM activity WHERE state = 'FUNDING_REQUESTED';
