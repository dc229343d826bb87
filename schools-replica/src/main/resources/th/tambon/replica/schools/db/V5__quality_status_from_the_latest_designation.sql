-- Before V4 a designation step that came after a newer school update was discarded by the row's one version, leaving
-- the school's quality status stale while the designation table held the step. Take every school's status from its
-- designation with the highest version, as the replica does since V4. (Details discarded the same way before V4 come
-- back only by replaying schools.v1 into a fresh replica: reset the service's schools-replica consumer group.)
UPDATE school AS s
SET quality_status = latest.status
FROM (SELECT DISTINCT ON (school) school, status FROM designation ORDER BY school, version DESC) AS latest
WHERE latest.school = s.code AND s.quality_status <> latest.status;
