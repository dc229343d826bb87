-- bench/saga.sh's budget: for each of the :esas benchmark ESAs P97-1, P97-2... (province code 97 is no Thai
-- province's), fiscal year :year open, round 1 with one OPERATING line of 1,000,000,000.00 baht, allocated in the
-- ledger, written straight into a database with budget-service's tables (the `budget` database, or the baseline's
-- copy of its schema) as recording a round would leave them (the benchmark measures commitments, not rounds). A line
-- that exists is left as it is: its room (1.00 baht a request) lasts a billion requests. budget-service needs no
-- schools replica row for a commitment: the saga reads only the fiscal year and the line.
BEGIN;
INSERT INTO fiscal_year (esa, year, version, updated_at)
SELECT 'P97-' || i, :year, 0, now() FROM generate_series(1, :esas) i
ON CONFLICT DO NOTHING;
INSERT INTO allocation_round (id, esa, fiscal_year, round, received_on, document_ref, original_amount, amount,
                              recorded_at, recorded_by, updated_at)
SELECT gen_random_uuid(), 'P97-' || i, :year, 1, now()::date, 'bench/saga.sh', 1000000000.00, 1000000000.00, now(),
       'bench', now()
FROM generate_series(1, :esas) i
ON CONFLICT DO NOTHING;
WITH new_line AS (
    INSERT INTO allocation_line (id, round_id, esa, fiscal_year, round, line, category, purpose_th, original_amount,
                                 amount)
    SELECT gen_random_uuid(), r.id, r.esa, r.fiscal_year, 1, 1, 'OPERATING', 'ทดสอบสมรรถนะ (bench/saga.sh)',
           1000000000.00, 1000000000.00
    FROM allocation_round r
    WHERE r.esa IN (SELECT 'P97-' || i FROM generate_series(1, :esas) i) AND r.fiscal_year = :year AND r.round = 1
    ON CONFLICT DO NOTHING
    RETURNING id, esa, fiscal_year, amount)
INSERT INTO ledger_entry (line_id, esa, fiscal_year, kind, amount, reason, document_ref, recorded_at, recorded_by)
SELECT id, esa, fiscal_year, 'ALLOCATED', amount, 'bench/saga.sh', 'bench/saga.sh', now(), 'bench' FROM new_line;
COMMIT;
