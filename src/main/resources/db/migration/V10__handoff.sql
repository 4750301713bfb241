-- Guests handed to a person: the assistant stays quiet for them until quiet_until (a configurable time
-- after the person's last message) or until an operator hands them back. ref names the guest in the
-- business's notification without their number. Plain types only: runs on H2 (MODE=PostgreSQL) and PostgreSQL.
CREATE TABLE handoff (
    guest_id       VARCHAR(128)             PRIMARY KEY,
    ref            VARCHAR(64)              NOT NULL UNIQUE,
    reason         VARCHAR(32)              NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    person_last_at TIMESTAMP WITH TIME ZONE,
    quiet_until    TIMESTAMP WITH TIME ZONE NOT NULL
);
