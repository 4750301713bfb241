-- A voice note's media id, so that the assistant can fetch and transcribe it when a model key is set.
-- The audio itself is never stored. Plain types only: runs on H2 (MODE=PostgreSQL) and PostgreSQL.
ALTER TABLE guest_message ADD COLUMN media_id VARCHAR(128);
