-- One funding request as budget-service commits it (AnsweringFundingRequests.requested in FundingRequestsListener's
-- transaction): the statements PostgreSQL logs with log_statement = all, in their order and text, for a request
-- committed on a line; the service's values are pgbench's variables here (-M prepared binds them as parameters, as the
-- driver does), its Java timestamps now(). bench/saga.sh puts one or more of these between BEGIN and COMMIT, with
-- {year} filled in and :esa_number set to the client's ESA (P97-1 for client 0). pgbench has no UUIDs of its own: the
-- first statement makes the request's (the event, the activity, the commitment), one statement the service does not
-- send; the line's columns come from its lock (\gset line_) as the service's do.
SELECT gen_random_uuid() AS event_id, gen_random_uuid() AS activity, gen_random_uuid() AS commitment \gset
INSERT INTO messaging.inbox_message (consumer, event_id, event_type, topic, partition, "offset") VALUES ('budget-service.funding-requests', :event_id, 'th.tambon.activity.funding-requested.v1', 'events.v1', 0, 0) ON CONFLICT (consumer, event_id) DO NOTHING;
SELECT * FROM funding_saga WHERE activity = :activity FOR NO KEY UPDATE;
INSERT INTO funding_saga (activity, esa, request, state, seen_version, version, started_at, updated_at) VALUES (:activity, 'P97-' || :esa_number, 1, 'REJECTED', 1, 0, now(), now()) ON CONFLICT DO NOTHING;
SELECT * FROM funding_saga WHERE activity = :activity FOR NO KEY UPDATE;
SELECT answer_row_."activity",answer_row_."request",answer_row_."esa",answer_row_."fiscal_year",answer_row_."round",answer_row_."line",answer_row_."amount",answer_row_."commitment",answer_row_."reason",answer_row_."message",answer_row_."answered_at" FROM "funding_answer" answer_row_ WHERE (answer_row_."activity" = :activity AND answer_row_."request" = 1);
INSERT INTO "saga_step" ("activity","request","step","amount","reason","message","at") VALUES (:activity,1,'REQUESTED',1.00,NULL,NULL,now()) RETURNING *;
SELECT * FROM fiscal_year WHERE esa = 'P97-' || :esa_number AND year = {year} FOR SHARE;
SELECT * FROM allocation_line WHERE esa = 'P97-' || :esa_number AND fiscal_year = {year} AND round = 1 AND line = 1 FOR NO KEY UPDATE \gset line_
INSERT INTO "ledger_entry" ("line_id","esa","fiscal_year","kind","amount","activity","request","commitment","expenditure","transfer","reason","document_ref","recorded_at","recorded_by") VALUES (:line_id,'P97-' || :esa_number,{year},'COMMITTED',1.00,:activity,1,:commitment,NULL,NULL,'request 1 of activity ' || :activity,NULL,now(),'funding-saga') RETURNING *;
UPDATE "allocation_line" SET "round_id"=:line_round_id,"esa"=:line_esa,"fiscal_year"=:line_fiscal_year,"round"=:line_round,"line"=:line_line,"category"=:line_category,"purpose_th"=:line_purpose_th,"original_amount"=:line_original_amount,"amount"=:line_amount,"transferred"=:line_transferred,"committed"=:line_committed + 1.00,"spent"=:line_spent WHERE ("id" = :line_id);
INSERT INTO "commitment" ("line_id","activity","request","amount","state","committed_at","settled_at","carried_over_ref","carried_over_with_obligation","carried_over_at","carried_over_by","id") VALUES (:line_id,:activity,1,1.00,'OPEN',now(),NULL,NULL,NULL,NULL,NULL,:commitment);
INSERT INTO "funding_answer" ("esa","fiscal_year","round","line","amount","commitment","reason","message","answered_at","activity","request") VALUES ('P97-' || :esa_number,{year},1,1,1.00,:commitment,NULL,NULL,now(),:activity,1);
INSERT INTO "saga_step" ("activity","request","step","amount","reason","message","at") VALUES (:activity,1,'COMMITTED',1.00,NULL,NULL,now()) RETURNING *;
UPDATE "funding_saga" SET "esa"='P97-' || :esa_number,"request"=1,"state"='COMMITTED',"seen_version"=1,"version"=1,"started_at"=now(),"updated_at"=now() WHERE ("activity" = :activity);
INSERT INTO messaging.outbox_message (event_id, topic, message_key, lane, event_type, source, subject, occurred_at, payload, trace_parent) SELECT gen_random_uuid(), 'budget.v1', :activity, :lane, 'th.tambon.budget.funds-committed.v1', '/tambon/budget-service', :activity, now(), '{"activity":"' || :activity || '","esa":"P97-' || :esa_number || '","fiscalYear":{year},"round":1,"line":1,"amount":1.00,"request":1,"commitment":"' || :commitment || '","committedAt":"' || now() || '","version":1}', '00-4a1fd8a67d0376825663f2fc2b3a3e83-7d3cad04bc02f634-01' FROM pg_advisory_xact_lock(2053832706, hashtext(:activity));
