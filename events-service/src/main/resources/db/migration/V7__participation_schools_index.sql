-- A school's record (GET /api/v1/school-records/{code}) also finds the activities whose participation lists the school
-- as having attended: schools @> ARRAY[code], which a GIN index on the array serves (a B-tree cannot look inside it).
CREATE INDEX activity_participation_schools ON activity_participation USING GIN (schools);
