-- bench/activities.sh's data, written straight into events-service's database (the benchmark measures reads, not how
-- the activities were made): :n activities over 245 benchmark ESAs, with participation, certificates and works.
--   psql -v n=100000 -d events -f bench/sql/activities-load.sql
-- One transaction: what an earlier run loaded (refs bench-*, at the benchmark ESAs) is deleted first, so the tables hold
-- the :n of this run and nothing twice. The script skips the load when the same :n is there already.
--
-- The ESAs are named as bin/dev generate names its (P<province>-<zone>, real DOPA province codes in turn), with zones
-- from 81 where the generator's start at 71 (it stops at 74), so that neither a generated registry nor the seed has
-- them; they go into schools_replica.esa too (version 1, last_event_id bench-activities), as schools.v1 would have
-- brought them: the all-ESAs summary reads that table and lists every ESA in it.
-- The spread (random(), seeded): start days over fiscal years 2563-2567 (2019-10-01 to 2024-09-30) evenly, ESAs
-- evenly (about 408 each, 82 a fiscal year), seven types and eight states weighted, one or two of the five tracks;
-- 52 % HELD, REPORTED or CLOSED, each with its participation row, 0-5 certificates (2 % revoked; numbered 1, 2, 3...
-- per ESA and academic year, with the counter rows to match) and for 35 % of them 1-3 works (10 % forwarded, with one
-- letter per ESA and fiscal year). Rows go in in the order of their days, as the service would have written them over
-- the years (a fiscal year's activities lie together in the table, not spread over all of it). No history rows (activity_step, work_step) and no activity_funding rows: neither
-- page reads them, and no activity is FUNDING_REQUESTED (it would wait for budget-service).
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
CREATE TEMP TABLE bench_old ON COMMIT DROP AS
SELECT id FROM activity WHERE ref LIKE 'bench-%' AND esa IN (SELECT code FROM bench_esa);
DELETE FROM work WHERE activity IN (SELECT id FROM bench_old);
DELETE FROM work_forwarding WHERE document_ref LIKE 'bench-%' AND esa IN (SELECT code FROM bench_esa);
DELETE FROM certificate WHERE activity IN (SELECT id FROM bench_old);
DELETE FROM certificate_counter WHERE esa IN (SELECT code FROM bench_esa);
DELETE FROM activity_participation WHERE activity IN (SELECT id FROM bench_old);
DELETE FROM activity_step WHERE activity IN (SELECT id FROM bench_old);
DELETE FROM activity_funding WHERE activity IN (SELECT id FROM bench_old);
DELETE FROM activity WHERE id IN (SELECT id FROM bench_old);
DELETE FROM schools_replica.esa WHERE last_event_id = 'bench-activities';

-- (-v n=0 only removes them)
INSERT INTO schools_replica.esa (code, kind, zone, province_code, province, name_th, name_en, director, registered_at,
                                 version, last_event_id, updated_at)
SELECT code, 'PRIMARY', zone, province_code, 'จังหวัดทดสอบ ' || province_code,
       'สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดสอบ ' || province_code || ' เขต ' || zone,
       'Benchmark Primary Educational Service Area Office ' || code, 'นายสมชาย ใจดี', TIMESTAMPTZ '2019-05-01 09:00+07',
       1, 'bench-activities', now()
FROM bench_esa
WHERE :n > 0
ON CONFLICT (code) DO NOTHING;

SELECT setseed(0.2563);

CREATE TEMP TABLE bench_activity ON COMMIT DROP AS
WITH drawn AS (
    SELECT i, random() AS r_esa, random() AS r_day, random() AS r_type, random() AS r_state, random() AS r_fund,
           random() AS r_track, random() AS r_second, random() AS r_days, random() AS r_cost, random() AS r_more,
           random() AS r_work
    FROM generate_series(1, :n) i
), shaped AS (
    SELECT d.*, es.code AS esa, es.province_code, es.zone,
           DATE '2019-10-01' + floor(r_day * 1827)::int AS starts_on,
           CASE WHEN r_type < 0.25 THEN 'WORKSHOP' WHEN r_type < 0.45 THEN 'MEETING' WHEN r_type < 0.60 THEN 'TRAINING'
                WHEN r_type < 0.75 THEN 'SUPERVISION_VISIT' WHEN r_type < 0.87 THEN 'PLC'
                WHEN r_type < 0.92 THEN 'SYMPOSIUM' ELSE 'ASSESSMENT' END AS type,
           CASE WHEN r_state < 0.08 THEN 'DRAFT' WHEN r_state < 0.18 THEN 'PLANNED' WHEN r_state < 0.35 THEN 'FUNDED'
                WHEN r_state < 0.40 THEN 'FUNDING_REJECTED' WHEN r_state < 0.48 THEN 'CANCELLED'
                WHEN r_state < 0.62 THEN 'HELD' WHEN r_state < 0.82 THEN 'REPORTED' ELSE 'CLOSED' END AS state,
           floor(r_track * 5)::int AS first_track,
           CASE WHEN r_days < 0.7 THEN 1 WHEN r_days < 0.9 THEN 2 ELSE 3 END AS days
    FROM drawn d JOIN bench_esa es ON es.e = floor(d.r_esa * 245)::int
)
SELECT i, gen_random_uuid() AS id, esa, province_code, zone, starts_on, type, state,
       extract(YEAR FROM starts_on + INTERVAL '3 months')::int + 543 AS fiscal_year,
       -- the academic year begins in the middle of May
       extract(YEAR FROM starts_on - 135)::int + 543 AS academic_year,
       CASE WHEN r_second < 0.3
            THEN ARRAY [tracks[first_track + 1], tracks[(first_track + 1 + floor(r_second * 13)::int) % 5 + 1]]
            ELSE ARRAY [tracks[first_track + 1]] END AS tracks,
       labels[first_track + 1] AS track_label,
       (starts_on + TIME '08:30') AT TIME ZONE 'Asia/Bangkok' AS start_at,
       (starts_on + (days - 1) + TIME '16:30') AT TIME ZONE 'Asia/Bangkok' AS end_at,
       state IN ('FUNDED', 'FUNDING_REJECTED') OR r_fund < 0.6 AS funded,
       round((5000 + r_cost * 75000)::numeric, -2) AS estimate,
       state IN ('HELD', 'REPORTED', 'CLOSED') AS held,
       CASE WHEN state IN ('HELD', 'REPORTED', 'CLOSED') THEN floor(r_more * 6)::int ELSE 0 END AS certificates,
       CASE WHEN state IN ('HELD', 'REPORTED', 'CLOSED') AND r_work < 0.35 THEN 1 + floor(r_work * 8.5)::int
            ELSE 0 END AS works,
       r_cost
FROM shaped,
     LATERAL (SELECT ARRAY ['INNOVATION', 'OCCUPATION', 'QUALITY_CLASSROOM', 'ENVIRONMENT', 'ITA'] AS tracks,
                     ARRAY ['1 โรงเรียน 1 นวัตกรรม', '1 โรงเรียน 1 อาชีพ', 'ห้องเรียนคุณภาพ', 'โรงเรียนสิ่งแวดล้อมดีเด่น',
                         'การประเมินคุณธรรมและความโปร่งใส (ITA)'] AS labels) named;

INSERT INTO activity (id, esa, ref, type, title_th, tracks, venue_school, venue, organiser, chair, chair_title, start_at,
                      start_offset, end_at, end_offset, starts_on, academic_year, agenda, funding_fiscal_year,
                      funding_round, funding_line, cost_estimate, actual_cost, funds_committed, state, state_reason,
                      updated_at, version)
SELECT id, esa, 'bench-' || i, type,
       CASE type WHEN 'WORKSHOP' THEN 'ประชุมปฏิบัติการ' WHEN 'SYMPOSIUM' THEN 'Symposium'
                 WHEN 'PLC' THEN 'ชุมชนแห่งการเรียนรู้ทางวิชาชีพ (PLC)' WHEN 'SUPERVISION_VISIT' THEN 'นิเทศ'
                 WHEN 'MEETING' THEN 'ประชุม' WHEN 'TRAINING' THEN 'อบรม' ELSE 'ประเมิน' END
           || ' ' || track_label || ' ครั้งที่ ' || (i % 9 + 1) || ' ปีงบประมาณ ' || fiscal_year,
       tracks, NULL, 'ห้องประชุมสำนักงานเขตพื้นที่การศึกษา ' || esa, 'กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา',
       'นายสมชาย ใจดี', 'ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา', start_at, '+07:00', end_at, '+07:00', starts_on,
       academic_year, ARRAY ['ลงทะเบียน', 'บรรยายพิเศษ', 'แบ่งกลุ่มปฏิบัติการ', 'นำเสนอผลงาน'],
       CASE WHEN funded THEN fiscal_year END, CASE WHEN funded THEN 1 + i % 3 END,
       CASE WHEN funded THEN 1 + i % 20 END, CASE WHEN funded THEN estimate END,
       CASE WHEN state IN ('REPORTED', 'CLOSED') THEN
           CASE WHEN funded THEN round(estimate * (0.7 + 0.3 * r_cost)::numeric, 2) ELSE 0 END END,
       funded AND state IN ('FUNDED', 'HELD', 'REPORTED', 'CLOSED'), state,
       CASE state WHEN 'CANCELLED' THEN 'เลื่อนการจัดไม่มีกำหนด' WHEN 'FUNDING_REJECTED' THEN 'งบประมาณไม่เพียงพอ' END,
       end_at + INTERVAL '3 days',
       CASE state WHEN 'DRAFT' THEN 1 WHEN 'PLANNED' THEN 2 WHEN 'CANCELLED' THEN 3 WHEN 'FUNDED' THEN 4
                  WHEN 'FUNDING_REJECTED' THEN 4 WHEN 'HELD' THEN 6 WHEN 'REPORTED' THEN 7 ELSE 8 END
FROM bench_activity
ORDER BY start_at;

INSERT INTO activity_participation (activity, school_directors, teachers, supervisors, staff, students, committee,
                                    other, total, schools, recorded_at, recorded_by)
SELECT id, d, t, s, st, pu, c, o, d + t + s + st + pu + c + o,
       ARRAY(SELECT province_code || zone || lpad((i * 7 % 240 + k)::text, 4, '0')
             FROM generate_series(1, 3 + i % 6) k),
       end_at + INTERVAL '1 day', 'bench'
FROM bench_activity,
     LATERAL (SELECT 5 + floor(random() * 35)::int AS d, 10 + floor(random() * 110)::int AS t,
                     1 + floor(random() * 7)::int AS s, 1 + floor(random() * 9)::int AS st,
                     CASE WHEN random() < 0.3 THEN floor(random() * 60)::int ELSE 0 END AS pu,
                     2 + floor(random() * 8)::int AS c, floor(random() * 5)::int AS o
              WHERE held) counts
ORDER BY end_at;

INSERT INTO certificate (id, activity, esa, academic_year, number, school, person, person_title, recipient, office,
                         activity_title, given_on, chair, chair_title, verification_code, awarded_at, awarded_by,
                         revoked_at, revoked_by, revocation_reason, version)
SELECT gen_random_uuid(), a.id, a.esa, a.academic_year,
       row_number() OVER (PARTITION BY a.esa, a.academic_year ORDER BY a.start_at, a.id, k),
       CASE WHEN to_school THEN school END, CASE WHEN NOT to_school THEN person END,
       CASE WHEN NOT to_school THEN 'ครู' END, CASE WHEN to_school THEN 'โรงเรียนบ้านทดสอบ ' || school ELSE person END,
       'สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดสอบ ' || a.province_code || ' เขต ' || a.zone, t.title_th, a.starts_on,
       'นายสมชาย ใจดี', 'ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา',
       replace(gen_random_uuid()::text, '-', '') || substr(replace(gen_random_uuid()::text, '-', ''), 1, 8),
       a.end_at + INTERVAL '1 day', 'bench',
       CASE WHEN revoked THEN a.end_at + INTERVAL '30 days' END, CASE WHEN revoked THEN 'bench' END,
       CASE WHEN revoked THEN 'ออกซ้ำ' END, CASE WHEN revoked THEN 2 ELSE 1 END
FROM bench_activity a
JOIN activity t ON t.id = a.id
CROSS JOIN LATERAL generate_series(1, a.certificates) k
CROSS JOIN LATERAL (SELECT (a.i + k) % 3 = 0 AS to_school,
                           a.province_code || a.zone || lpad((a.i * 7 % 240 + k)::text, 4, '0') AS school,
                           (ARRAY ['จำปา', 'สมชาย', 'สุดา', 'ประเสริฐ', 'วิไล', 'บุญมี', 'กาญจนา', 'ทองคำ', 'มาลี',
                               'สมศักดิ์', 'พรทิพย์', 'ณรงค์'])[(a.i + k) % 12 + 1] || ' '
                               || (ARRAY ['จันทะสอน', 'ใจดี', 'ศรีสุข', 'แก้วมณี', 'บุญเรือง', 'ทองดี', 'พรหมมา',
                               'สายสุด'])[(a.i * 3 + k) % 8 + 1] AS person,
                           random() < 0.02 AS revoked) r
ORDER BY a.end_at, a.id, k;

INSERT INTO certificate_counter (esa, academic_year, last_number)
SELECT esa, academic_year, max(number) FROM certificate WHERE esa IN (SELECT code FROM bench_esa)
GROUP BY esa, academic_year;

CREATE TEMP TABLE bench_work ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, a.id AS activity, a.esa, a.fiscal_year, a.tracks[1] AS track,
       a.province_code || a.zone || lpad((a.i * 11 % 240 + k)::text, 4, '0') AS school,
       (ARRAY ['ADMINISTRATOR', 'TEACHER', 'STAFF', 'STUDENT'])[(a.i + k) % 4 + 1] AS presenter_category,
       a.end_at, k,
       CASE WHEN r < 0.5 THEN 'PRESENTED' WHEN r < 0.75 THEN 'NOT_SELECTED' WHEN r < 0.9 THEN 'SELECTED'
            ELSE 'FORWARDED' END AS status
FROM bench_activity a
CROSS JOIN LATERAL generate_series(1, a.works) k
-- (k makes it drawn again for each work)
CROSS JOIN LATERAL (SELECT random() + 0 * k AS r) drawn;

CREATE TEMP TABLE bench_forwarding ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, esa, fiscal_year FROM bench_work WHERE status = 'FORWARDED' GROUP BY esa, fiscal_year;

INSERT INTO work_forwarding (id, esa, document_ref, sent_on, recorded_at, recorded_by)
SELECT id, esa, 'bench-ศธ 04' || esa || '/' || fiscal_year, make_date(fiscal_year - 543, 9, 30),
       make_date(fiscal_year - 543, 9, 30) + TIME '15:00', 'bench'
FROM bench_forwarding;

INSERT INTO work (id, activity, esa, school, title, track, presenter_category, presenter, status, note, forwarding,
                  forwarding_index, updated_at, version)
SELECT w.id, w.activity, w.esa, w.school, 'ผลงานเด่น ' || w.track || ' โรงเรียน ' || w.school || ' ชิ้นที่ ' || w.k,
       w.track, w.presenter_category, 'ผู้นำเสนอ ' || w.school, w.status, NULL, f.id,
       CASE WHEN f.id IS NOT NULL THEN row_number() OVER (PARTITION BY f.id ORDER BY w.id) END,
       w.end_at + INTERVAL '10 days', CASE w.status WHEN 'PRESENTED' THEN 1 WHEN 'FORWARDED' THEN 3 ELSE 2 END
FROM bench_work w
LEFT JOIN bench_forwarding f ON w.status = 'FORWARDED' AND f.esa = w.esa AND f.fiscal_year = w.fiscal_year
ORDER BY w.end_at, w.id;

COMMIT;
