-- A school's size and its quality-school status, and what the name search matches against.
-- search_key is the Thai and English names folded as a Thai reader searches (th.tambon.schools.school.model.SearchKey):
-- lower case, tone marks and zero-width characters dropped; a trigram index serves "name contains" at any position.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE school ALTER COLUMN tambon_code TYPE TEXT;
ALTER TABLE school ADD CONSTRAINT school_tambon_code_digits CHECK (tambon_code ~ '^[0-9]{6}$');
ALTER TABLE school ADD COLUMN students INT CHECK (students >= 0);
ALTER TABLE school ADD COLUMN teachers INT CHECK (teachers >= 0);
ALTER TABLE school ADD COLUMN quality_status TEXT NOT NULL DEFAULT 'NONE'
    CHECK (quality_status IN ('NONE', 'NOMINATED', 'DESIGNATED', 'ACTIVE', 'WITHDRAWN'));
ALTER TABLE school ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
ALTER TABLE school ADD COLUMN updated_at TIMESTAMPTZ;
-- the same folding as SearchKey, for the rows registered before this version
UPDATE school SET search_key = btrim(regexp_replace(
    replace(regexp_replace(lower(name_th || ' ' || coalesce(name_en, '')), '[\u0E47-\u0E4C\u200B-\u200D\uFEFF]', '', 'g'),
            U&'\0E4D\0E32', U&'\0E33'),
    '\s+', ' ', 'g'));

DROP INDEX school_tambon_code;
CREATE INDEX school_tambon_code ON school (tambon_code text_pattern_ops, code);
CREATE INDEX school_quality_status ON school (quality_status, code);
CREATE INDEX school_search_key ON school USING gin (search_key gin_trgm_ops);
CREATE INDEX school_esa_name ON school (esa, name_th, code);

ALTER TABLE esa ADD COLUMN updated_at TIMESTAMPTZ;
