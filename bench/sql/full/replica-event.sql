-- One event as a replica applies it inside its poll's transaction: the inbox row, then the version-guarded upsert.
-- {inbox}, {consumer}, {school} and {designation} name the replica (events-service's or budget-service's); {i} the
-- registration.
INSERT INTO {inbox} (consumer, event_id, event_type, topic, partition, "offset")
VALUES ('{consumer}', gen_random_uuid()::text, 'th.tambon.school.registered.v1', 'schools.v1', :lane, :code{i})
ON CONFLICT (consumer, event_id) DO NOTHING;
-- As SchoolReplicaRepository.upsert runs it since issue 17: the details have a version of their own, and a new row
-- takes its quality status from the designations that came before it.
INSERT INTO {school} AS replica (code, name_th, name_en, esa, province, district, tambon,
    tambon_code, director, students, teachers, registered_at, quality_status, version, details_version,
    last_event_id, updated_at)
VALUES (:code{i}, 'โรงเรียนทดสอบสมรรถนะ ' || :code{i}, NULL, 'P96-9', 'นราธิวาส', 'เมืองนราธิวาส', 'บางนาค', '960101', NULL,
    NULL, NULL, now(),
    coalesce((SELECT d.status FROM {designation} d WHERE d.school = :code{i} ORDER BY d.version DESC LIMIT 1), 'NONE'),
    greatest(1, coalesce((SELECT max(d.version) FROM {designation} d WHERE d.school = :code{i}), 0)),
    1, gen_random_uuid()::text, now())
ON CONFLICT (code) DO UPDATE SET name_th = excluded.name_th, name_en = excluded.name_en,
    esa = excluded.esa, province = excluded.province, district = excluded.district,
    tambon = excluded.tambon, tambon_code = excluded.tambon_code, director = excluded.director,
    students = excluded.students, teachers = excluded.teachers,
    registered_at = excluded.registered_at, details_version = excluded.details_version,
    version = greatest(replica.version, excluded.details_version),
    last_event_id = excluded.last_event_id, updated_at = now()
WHERE replica.details_version < excluded.details_version;
