-- Turns start as soon as a message is recorded. Runs on H2 (MODE=PostgreSQL) and PostgreSQL.
-- Whether a guest message's read receipt is queued already: a turn started over with the guest's newer
-- messages (or taken over after a crash) marks each message read once.
ALTER TABLE guest_message ADD COLUMN read_queued BOOLEAN DEFAULT FALSE NOT NULL;
-- The oldest callback no replica has read yet, found without scanning the unread ones: turns due after it
-- wait for it, so that a guest's messages are answered in order.
CREATE INDEX inbox_unread ON inbox (processed_at, received_at);
