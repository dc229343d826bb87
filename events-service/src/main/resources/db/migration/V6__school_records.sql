-- A school's record (GET /api/v1/school-records/{code}) finds what concerns one school: the activities it hosted, the
-- certificates it was awarded and the works it presented, each by the school's code.
CREATE INDEX activity_venue_school ON activity (venue_school, starts_on) WHERE venue_school IS NOT NULL;
CREATE INDEX certificate_school ON certificate (school) WHERE school IS NOT NULL;
CREATE INDEX work_school ON work (school);
