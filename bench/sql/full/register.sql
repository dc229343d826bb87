-- One registration as schools-service runs it (POST /api/v1/schools): the statements and their text as PostgreSQL's
-- log shows them (log_statement = all), with the parameters in place (no colon before a letter or digit inside a
-- literal: pgbench would take it for a variable). {i} is the registration's number in the script,
-- variable lane the lane of this script's registrations (the relay's claim below takes them from it).
\set code{i} random(10000000, 99999999)
BEGIN;
SELECT esa_row_."code",esa_row_."kind",esa_row_."zone",esa_row_."province_code",esa_row_."province",esa_row_."name_th",esa_row_."name_en",esa_row_."director",esa_row_."registered_at",esa_row_."updated_at",esa_row_."version" FROM "esa" esa_row_ WHERE (esa_row_."code" = 'P96-9');
INSERT INTO school (code, name_th, name_en, esa, province, district, tambon, tambon_code, director,
    students, teachers, quality_status, search_key, registered_at, version)
VALUES (:code{i}, 'โรงเรียนทดสอบสมรรถนะ ' || :code{i}, NULL, 'P96-9', 'นราธิวาส', 'เมืองนราธิวาส', 'บางนาค', '960101', NULL,
    NULL, NULL, 'NONE', 'โรงเรียนทดสอบสมรรถนะ ' || :code{i}, now(), 1)
ON CONFLICT (code) DO NOTHING;
INSERT INTO messaging.outbox_message (event_id, topic, message_key, lane, event_type, source, subject,
    occurred_at, payload, trace_parent)
SELECT gen_random_uuid(), 'schools.v1', :code{i}, :lane, 'th.tambon.school.registered.v1', '/tambon/schools-service', :code{i},
    now(), '{"code":"' || :code{i} || '","nameTh":"โรงเรียนทดสอบสมรรถนะ ' || :code{i} || '","esa":"P96-9","province":"นราธิวาส","district":"เมืองนราธิวาส","tambon":"บางนาค","tambonCode":"960101","registeredAt":"' || now() || '","version": 1}',
    '00-8130fe332786942d6196380b87692e09-5be97efe98445f35-01'
FROM pg_advisory_xact_lock(2053832706, hashtext(:code{i}));
INSERT INTO "audit"."audit_entry" ("recorded_at","subject","role","esa","school","command","target_type","target_id","change") VALUES (now(),'dev-obec-admin','OBEC_ADMIN',NULL,NULL,'RegisterSchool','school',:code{i},to_json(('{"code":"' || :code{i} || '","nameTh":"โรงเรียนทดสอบสมรรถนะ ' || :code{i} || '","esa":"P96-9","province":"นราธิวาส","district":"เมืองนราธิวาส","tambon":"บางนาค","tambonCode":"960101","registeredAt":"' || now() || '","version": 1}')::json))
RETURNING *;
COMMIT;
