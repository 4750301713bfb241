-- What each guest has told the assistant so far about the stay they want (dates, party size, property),
-- so that a later message such as "for 2" completes an earlier "June 15-20". Keyed by the guest's id alone.
-- Plain types only: the same script runs on H2 (MODE=PostgreSQL) and PostgreSQL.
CREATE TABLE guest_context (
    guest_id   VARCHAR(128)             PRIMARY KEY,
    check_in   DATE,
    check_out  DATE,
    stay_month VARCHAR(7),
    nights     INTEGER,
    guests     INTEGER,
    property   VARCHAR(256),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
