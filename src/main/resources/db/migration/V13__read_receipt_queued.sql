-- Whether a guest message's read receipt is queued already: a turn restarted with the guest's newer
-- messages (or taken over after a crash) marks each message read once. Runs on H2 (MODE=PostgreSQL) and PostgreSQL.
ALTER TABLE guest_message ADD COLUMN read_queued BOOLEAN DEFAULT FALSE NOT NULL;
