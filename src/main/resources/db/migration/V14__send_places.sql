-- The places of each business number's send rate, shared by every replica. A number allowed r messages a
-- second has r places; a message is sent only while it holds one, from just before its request leaves until
-- its answer is back (or the attempt failed or timed out), and the place is taken again no sooner than a
-- second after that. Meta counts a message when it arrives, which is in between: so one place puts at most
-- one message into any second at Meta's end, and the number at most r, however late a replica or the
-- network is.
-- free_at is the earliest moment the place may be taken: once given back, its send's completion plus the
-- cool-down; while held, the moment a replica that died holding it is given up on. Every time is the
-- database's own clock (CURRENT_TIMESTAMP), one clock for all replicas. holder names the send holding the
-- place, NULL once it is given back. A number's rows are made on its first send.
-- Plain types only: the same script runs on H2 (MODE=PostgreSQL) and PostgreSQL.
CREATE TABLE send_place (
    phone_number_id VARCHAR(64)              NOT NULL,
    place           INTEGER                  NOT NULL,
    holder          VARCHAR(64),
    free_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (phone_number_id, place)
);
