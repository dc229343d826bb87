-- A direct expenditure's voucher (ฎีกา) names it once: sent again it is a retry (checked per ESA and year under the
-- fiscal year's lock by RecordingExpenditures; this index is the database's backstop on each line). Its own migration
-- because V1 had run on local stacks before.
CREATE UNIQUE INDEX expenditure_direct_document ON expenditure (line_id, document_ref)
    WHERE activity IS NULL AND document_ref IS NOT NULL;
