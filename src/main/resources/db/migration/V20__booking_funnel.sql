-- The booking funnel and what messages cost. Plain types only: the same script runs on H2 (MODE=PostgreSQL)
-- and PostgreSQL.

-- A tracked booking link: the guest's button opens {PUBLIC_BASE_URL}/b/{token}, which counts the first open and
-- redirects to the booking page. The token is random and carries nothing of the guest; kept for the retention.
CREATE TABLE booking_link (
    token       VARCHAR(64)              NOT NULL PRIMARY KEY,
    property_id VARCHAR(128)             NOT NULL,
    target_url  TEXT                     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX booking_link_age ON booking_link (created_at);

-- The funnel per property and day (where the properties are): answers offering it free, links sent, first opens.
CREATE TABLE booking_funnel_day (
    funnel_day  DATE         NOT NULL,
    property_id VARCHAR(128) NOT NULL,
    offers      INTEGER      DEFAULT 0 NOT NULL,
    links       INTEGER      DEFAULT 0 NOT NULL,
    opens       INTEGER      DEFAULT 0 NOT NULL,
    PRIMARY KEY (funnel_day, property_id)
);

-- Meta's pricing of each sent message, once per message (its sent and delivered statuses both carry it).
CREATE TABLE billed_message (
    wamid         VARCHAR(256)             NOT NULL PRIMARY KEY,
    category      VARCHAR(64),
    pricing_model VARCHAR(32),
    billable      BOOLEAN                  NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX billed_message_age ON billed_message (received_at);

-- A guest's conversation as billed: its billable messages so far, and those since its last booking link. Closed
-- (and observed in the histograms) after 24 hours without a billable message.
CREATE TABLE billing_conversation (
    guest_id          VARCHAR(128)             NOT NULL PRIMARY KEY,
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_billed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    billable_messages INTEGER                  NOT NULL,
    since_link        INTEGER                  NOT NULL
);
CREATE INDEX billing_conversation_quiet ON billing_conversation (last_billed_at);
