-- The send rate of each business number, shared by every replica: Meta's throughput limit belongs to the
-- phone number, not to a replica. next_slot is the earliest moment the number's next message may leave;
-- a replica reserves the slots of a claimed batch by moving it on (row locked, one short transaction) and
-- sends each message at its slot. A row is made on a number's first send.
-- Plain types only: the same script runs on H2 (MODE=PostgreSQL) and PostgreSQL.
CREATE TABLE send_budget (
    phone_number_id VARCHAR(64)              PRIMARY KEY,
    next_slot       TIMESTAMP WITH TIME ZONE NOT NULL
);
