-- A network whose chair school stopped being an active quality school has no chair until a new one is set (issue 17),
-- and the chair history records when each chair ended.
ALTER TABLE network ALTER COLUMN chair_school DROP NOT NULL;
ALTER TABLE network ALTER COLUMN chair_person DROP NOT NULL;
ALTER TABLE network ADD CONSTRAINT network_chair_school_and_person_together
    CHECK ((chair_school IS NULL) = (chair_person IS NULL));

ALTER TABLE network_chair ADD COLUMN until TIMESTAMPTZ;
-- a chair recorded before ended when the next one began
UPDATE network_chair c SET until = (SELECT min(n.since) FROM network_chair n WHERE n.esa = c.esa AND n.since > c.since);
CREATE UNIQUE INDEX network_chair_one_current ON network_chair (esa) WHERE until IS NULL;
