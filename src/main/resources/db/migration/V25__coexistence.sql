-- Living beside Meta Business Agent and the WhatsApp Business app on one number.

-- A guest's edit or revoke of a message: when it changed (a running turn that took it in starts over), and
-- which turn answered a message (its Mem0 memories carry that turn's id, so a revoke can delete them).
ALTER TABLE guest_message ADD COLUMN changed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE guest_message ADD COLUMN answered_in VARCHAR(256);

-- The guest's marketing preference (user_preferences): 'stop' or 'resume', and when.
ALTER TABLE guest ADD COLUMN marketing VARCHAR(16);
ALTER TABLE guest ADD COLUMN marketing_at TIMESTAMP WITH TIME ZONE;

-- Who answers a guest's conversation when it is not this app: Meta Business Agent or another responder
-- (standby, messaging_handovers), until control comes back or an operator takes it over.
CREATE TABLE thread_control (
    guest_id   VARCHAR(128)             PRIMARY KEY,
    holder     VARCHAR(32)              NOT NULL,
    reason     VARCHAR(64)              NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
