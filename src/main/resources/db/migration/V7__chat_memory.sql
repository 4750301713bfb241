-- Each guest's conversation with the model, as LangChain4j chat messages (JSON), and a short summary of
-- what was condensed out of it, so that a long-running guest's context stays bounded. Keyed by the
-- guest's id alone; version guards a condensation against a turn that added messages meanwhile.
-- Plain types only: the same script runs on H2 (MODE=PostgreSQL) and PostgreSQL.
CREATE TABLE chat_memory (
    guest_id   VARCHAR(128)             PRIMARY KEY,
    messages   TEXT                     NOT NULL,
    summary    TEXT,
    version    BIGINT                   DEFAULT 0 NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX chat_memory_age ON chat_memory (updated_at);
