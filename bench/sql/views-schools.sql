-- bench/views.sh's registry, written straight into schools-service's database (the benchmark measures reads, not how
-- the schools were registered): the 245 benchmark ESAs of bench/sql/activities-load.sql (P10-81, P11-81...), each with
-- :schools schools (at most 999) and quality-school designations with their steps.
--   psql -v schools=120 -d schools -f bench/sql/views-schools.sql
-- One transaction: what an earlier run loaded in those ESAs (their designations, steps, schools and the ESAs) is
-- deleted first; -v schools=0 only removes it. The script skips the load when the same number is there already.
--
-- The ESAs are those of activities-load.sql (same codes, kinds, names), so that the three services' answers meet in
-- the gateway's views. School codes are the province, the zone and a number (P10-81's are 10810001, 10810002...), the
-- codes activities-load.sql writes into participation rows; each school its own tambon (the province, the zone's last
-- digit and the number: at most one active designation per tambon). The spread (random(), seeded): 30 % of the
-- schools have a designation, of them 55 % ACTIVE, 15 % WITHDRAWN (after being active), 15 % DESIGNATED and 15 %
-- NOMINATED; nominated from June 2019 to March 2022, designated 60 days later, active 30 days after that, withdrawn
-- 200-600 days after becoming active; a step per status reached, as the commands record them. school.quality_status
-- is the designation's status. No networks, academic years or plans (no view reads them).
\set ON_ERROR_STOP on
BEGIN;

CREATE TEMP TABLE bench_esa ON COMMIT DROP AS
SELECT e, 'P' || p || '-' || (81 + e / 77) AS code, p::text AS province_code, 81 + e / 77 AS zone
FROM generate_series(0, 244) e,
     LATERAL (SELECT (ARRAY [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 30, 31, 32, 33,
         34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 60, 61,
         62, 63, 64, 65, 66, 67, 70, 71, 72, 73, 74, 75, 76, 77, 80, 81, 82, 83, 84, 85, 86, 90, 91, 92, 93, 94, 95,
         96])[e % 77 + 1] AS p) province;

-- what an earlier run loaded
DELETE FROM designation_step WHERE designation IN (SELECT id FROM designation WHERE esa IN (SELECT code FROM bench_esa));
DELETE FROM designation WHERE esa IN (SELECT code FROM bench_esa);
DELETE FROM school WHERE esa IN (SELECT code FROM bench_esa);
DELETE FROM esa WHERE code IN (SELECT code FROM bench_esa);

-- (-v schools=0 only removes them)
INSERT INTO esa (code, kind, zone, province_code, province, name_th, name_en, director, registered_at, version,
                 updated_at)
SELECT code, 'PRIMARY', zone, province_code, 'จังหวัดทดสอบ ' || province_code,
       'สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดสอบ ' || province_code || ' เขต ' || zone,
       'Benchmark Primary Educational Service Area Office ' || code, 'นายสมชาย ใจดี', TIMESTAMPTZ '2019-05-01 09:00+07',
       1, TIMESTAMPTZ '2019-05-01 09:00+07'
FROM bench_esa
WHERE :schools > 0;

SELECT setseed(0.2565);

CREATE TEMP TABLE bench_school ON COMMIT DROP AS
SELECT es.code AS esa, es.province_code || es.zone || lpad(k::text, 4, '0') AS code,
       es.province_code || (es.zone - 80) || lpad(k::text, 3, '0') AS tambon_code, es.province_code, k,
       random() AS r_designated, random() AS r_status, random() AS r_nominated, random() AS r_withdrawn,
       random() AS r_size
FROM bench_esa es
CROSS JOIN generate_series(1, :schools) k;

CREATE TEMP TABLE bench_designation ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, s.code AS school, s.esa, s.tambon_code, status, nominated_on,
       CASE WHEN status <> 'NOMINATED' THEN nominated_on + 60 END AS designated_on,
       CASE WHEN status IN ('ACTIVE', 'WITHDRAWN') THEN nominated_on + 90 END AS active_from,
       CASE WHEN status = 'WITHDRAWN' THEN nominated_on + 90 + 200 + floor(s.r_withdrawn * 400)::int END AS withdrawn_on
FROM bench_school s,
     LATERAL (SELECT CASE WHEN s.r_status < 0.55 THEN 'ACTIVE' WHEN s.r_status < 0.70 THEN 'WITHDRAWN'
                          WHEN s.r_status < 0.85 THEN 'DESIGNATED' ELSE 'NOMINATED' END AS status,
                     DATE '2019-06-01' + floor(s.r_nominated * 1004)::int AS nominated_on) drawn
WHERE s.r_designated < 0.30;

INSERT INTO school (code, name_th, name_en, esa, province, district, tambon, tambon_code, director, registered_at,
                    version, students, teachers, quality_status, search_key, updated_at)
SELECT s.code, 'โรงเรียนบ้านทดสอบ ' || s.code, 'Ban Thotsop School ' || s.code, s.esa,
       'จังหวัดทดสอบ ' || s.province_code, 'อำเภอทดสอบ ' || (1 + s.k % 9), 'ตำบลทดสอบ ' || s.k, s.tambon_code,
       'นายสมศักดิ์ ทองดี', TIMESTAMPTZ '2019-05-02 09:00+07', 1, 40 + floor(s.r_size * 900)::int,
       3 + floor(s.r_size * 45)::int, coalesce(d.status, 'NONE'),
       'โรงเรียนบ้านทดสอบ ' || s.code || ' ban thotsop school ' || s.code, TIMESTAMPTZ '2019-05-02 09:00+07'
FROM bench_school s
LEFT JOIN bench_designation d ON d.school = s.code
ORDER BY s.code;

INSERT INTO designation (id, school, esa, tambon_code, status, nominated_on, designated_on, active_from, withdrawn_on,
                         created_at, updated_at)
SELECT id, school, esa, tambon_code, status, nominated_on, designated_on, active_from, withdrawn_on,
       nominated_on + TIME '09:00', coalesce(withdrawn_on, active_from, designated_on, nominated_on) + TIME '09:00'
FROM bench_designation
ORDER BY nominated_on;

INSERT INTO designation_step (id, designation, status, effective_on, reason, recorded_at, recorded_by)
SELECT gen_random_uuid(), d.id, step.status, step.effective_on,
       CASE step.status WHEN 'WITHDRAWN' THEN 'ไม่ผ่านการประเมินซ้ำ' END, step.effective_on + TIME '09:00', 'bench'
FROM bench_designation d
CROSS JOIN LATERAL (VALUES ('NOMINATED', d.nominated_on), ('DESIGNATED', d.designated_on),
                           ('ACTIVE', d.active_from), ('WITHDRAWN', d.withdrawn_on)) step (status, effective_on)
WHERE step.effective_on IS NOT NULL
ORDER BY step.effective_on;

COMMIT;
