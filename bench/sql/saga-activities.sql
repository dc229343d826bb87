-- bench/saga.sh's activities in events-service: :n per ESA P97-1..P97-:esas, refs 'saga-' || :'run' || '-' || i, each
-- waiting for the answer to its funding request 1 (FUNDING_REQUESTED, with its activity_funding row: 1.00 baht on line
-- 1 of round 1 of fiscal year :year), as events-service leaves an activity after it published the request. SagaLoad
-- then publishes the request itself, and events-service takes budget-service's answer as it takes any (FUNDED, an
-- event on events.v1). Written straight into the events database: the benchmark measures the saga, not planning.
-- Prints "esa,id" lines for SagaLoad (--activities).
BEGIN;
CREATE TEMPORARY TABLE saga_bench_new ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, 'P97-' || e AS esa, 'saga-' || :'run' || '-' || i AS ref
FROM generate_series(1, :esas) e, generate_series(1, :n) i;
INSERT INTO activity (id, esa, ref, type, title_th, tracks, venue_school, venue, organiser, chair, chair_title, start_at,
                      start_offset, end_at, end_offset, starts_on, academic_year, agenda, funding_fiscal_year,
                      funding_round, funding_line, cost_estimate, actual_cost, funds_committed, state, state_reason,
                      updated_at, version)
SELECT id, esa, ref, 'MEETING', 'ประชุมทดสอบสมรรถนะ (bench/saga.sh)', ARRAY ['QUALITY_CLASSROOM'], NULL, 'ห้องประชุม ' || esa, NULL, NULL, NULL,
       '2027-01-15 02:00:00+00', '+07:00', '2027-01-15 09:00:00+00', '+07:00', '2027-01-15', 2569, ARRAY ['ประชุมชี้แจง'],
       :year, 1, 1, 1.00, NULL, false, 'FUNDING_REQUESTED', NULL, now(), 2
FROM saga_bench_new;
INSERT INTO activity_funding (activity, esa, request, fiscal_year, round, line, amount, requested_at, updated_at, version)
SELECT id, esa, 1, :year, 1, 1, 1.00, now(), now(), 1 FROM saga_bench_new;
SELECT esa || ',' || id FROM saga_bench_new ORDER BY esa, ref;
COMMIT;
