-- Business-scoped user ids (Meta, 2026) linked to the guest first seen with them by phone number, so that a
-- guest who later writes by user id alone keeps one id: one turn queue, one memory. Kept like the guest row.
-- Plain types only: the same script runs on H2 (MODE=PostgreSQL) and PostgreSQL.
CREATE TABLE guest_alias (
    user_id    VARCHAR(128)             PRIMARY KEY,
    guest_id   VARCHAR(128)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
