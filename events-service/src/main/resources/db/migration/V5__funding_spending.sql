-- What budget-service last said about spending an activity's commitment (docs/decisions/0016): RECORDED (its reported
-- cost became an expenditure) or REFUSED (it could not be recorded: spending_reason_code for machines, such as
-- INSUFFICIENT_BALANCE, and spending_message for people), when budget-service said it (spending_at). NULL until it
-- answers a cost report, and again for a new request. Only moves forward: a refusal arriving after RECORDED for the same
-- request changes nothing. budget_version is budget.v1's version (budget-service's own per activity) of the last answer
-- taken: an answer at or below it was taken already (a replay with another event id) or overtaken, and changes nothing.
ALTER TABLE activity_funding
    ADD COLUMN spending             TEXT        CHECK (spending IN ('RECORDED', 'REFUSED')),
    ADD COLUMN spending_reason_code TEXT,
    ADD COLUMN spending_message     TEXT,
    ADD COLUMN spending_at          TIMESTAMPTZ,
    ADD COLUMN budget_version       BIGINT      CHECK (budget_version >= 1),
    ADD CONSTRAINT activity_funding_spending_at CHECK ((spending IS NULL) = (spending_at IS NULL));
