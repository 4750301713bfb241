-- Sending replies: when a reply first failed (kept with its dead letter), and what an operator did with
-- a dead letter. Plain types only: the same script runs on H2 (MODE=PostgreSQL) and PostgreSQL.
ALTER TABLE outbox ADD COLUMN first_failed_at TIMESTAMP WITH TIME ZONE;

ALTER TABLE dead_letter ADD COLUMN resolved_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE dead_letter ADD COLUMN replay_outbox_id BIGINT;

-- the claim looks for the oldest pending row of each recipient
CREATE INDEX outbox_pending_recipient ON outbox (state, recipient, id);
