-- bench/views.sh's budget, written straight into budget-service's database (the benchmark measures reads, not how
-- the rounds were recorded): for each of the 245 benchmark ESAs of bench/sql/activities-load.sql, fiscal year :year
-- (BE) with three allocation rounds of eight lines each, as recording them and committing and spending on them would
-- leave the tables the views read.
--   psql -v year=2565 -d budget -f bench/sql/views-budget.sql
-- An ESA that has a round in the year already is left as it is (as bench/sql/saga-setup.sql does: the ledger is
-- append-only, so a budget once written stays; bin/dev reset --force removes it). Round r is received on 15 October
-- of the year's first calendar year plus 90 days per round; line l has category PERSONNEL, OPERATING, INVESTMENT,
-- SUBSIDY, OTHER in turn, an amount of 100,000-2,100,000 baht (random(), seeded), up to 20 % of it committed and up to
-- 60 % spent. The ledger holds what the lines' kept sums say: an ALLOCATED entry of the amount, a COMMITTED entry of
-- what is committed and a SPENT entry of what is spent, per line (no commitment, expenditure or saga rows: the views
-- read the lines' sums only). budget-service's schools replica is not written: neither read the views call reads it.
\set ON_ERROR_STOP on
BEGIN;

CREATE TEMP TABLE bench_esa ON COMMIT DROP AS
SELECT e, 'P' || p || '-' || (81 + e / 77) AS code
FROM generate_series(0, 244) e,
     LATERAL (SELECT (ARRAY [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 30, 31, 32, 33,
         34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 60, 61,
         62, 63, 64, 65, 66, 67, 70, 71, 72, 73, 74, 75, 76, 77, 80, 81, 82, 83, 84, 85, 86, 90, 91, 92, 93, 94, 95,
         96])[e % 77 + 1] AS p) province;

INSERT INTO fiscal_year (esa, year, version, updated_at)
SELECT code, :year, 0, now() FROM bench_esa
ON CONFLICT DO NOTHING;

SELECT setseed(0.2565);

CREATE TEMP TABLE bench_round ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, es.code AS esa, r AS round
FROM bench_esa es
CROSS JOIN generate_series(1, 3) r
WHERE NOT EXISTS (SELECT 1 FROM allocation_round x WHERE x.esa = es.code AND x.fiscal_year = :year);

CREATE TEMP TABLE bench_line ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, r.id AS round_id, r.esa, r.round, l AS line,
       (ARRAY ['PERSONNEL', 'OPERATING', 'INVESTMENT', 'SUBSIDY', 'OTHER'])[(l - 1) % 5 + 1] AS category,
       amount, round(amount * r_committed * 0.2, 2) AS committed, round(amount * r_spent * 0.6, 2) AS spent
FROM bench_round r
CROSS JOIN generate_series(1, 8) l
CROSS JOIN LATERAL (SELECT round((100000 + random() * 2000000)::numeric, -2) + 0 * l AS amount,
                           random()::numeric AS r_committed, random()::numeric AS r_spent) drawn;

INSERT INTO allocation_round (id, esa, fiscal_year, round, received_on, document_ref, original_amount, amount,
                              recorded_at, recorded_by, updated_at)
SELECT r.id, r.esa, :year, r.round, make_date(:year - 544, 10, 15) + (r.round - 1) * 90,
       'ศธ 04' || r.esa || '/bench-' || :year || '-' || r.round, sum(l.amount), sum(l.amount),
       make_date(:year - 544, 10, 15) + (r.round - 1) * 90 + TIME '10:00', 'bench',
       make_date(:year - 544, 10, 15) + (r.round - 1) * 90 + TIME '10:00'
FROM bench_round r
JOIN bench_line l ON l.round_id = r.id
GROUP BY r.id, r.esa, r.round;

INSERT INTO allocation_line (id, round_id, esa, fiscal_year, round, line, category, purpose_th, original_amount,
                             amount, transferred, committed, spent)
SELECT id, round_id, esa, :year, round, line, category, 'งบประมาณทดสอบ (bench/views.sh) รายการที่ ' || line, amount,
       amount, 0, committed, spent
FROM bench_line;

INSERT INTO ledger_entry (line_id, esa, fiscal_year, kind, amount, reason, document_ref, recorded_at, recorded_by)
SELECT l.id, l.esa, :year, entry.kind, entry.amount, 'bench/views.sh', 'bench/views.sh', now(), 'bench'
FROM bench_line l
CROSS JOIN LATERAL (VALUES (1, 'ALLOCATED', l.amount), (2, 'COMMITTED', l.committed), (3, 'SPENT', l.spent))
    entry (n, kind, amount)
WHERE entry.kind = 'ALLOCATED' OR entry.amount > 0
ORDER BY l.esa, l.round, l.line, entry.n;

COMMIT;
