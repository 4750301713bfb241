package org.holidaydesk.assistant.simulator;

/**
 * A guest as the developer plays them: a WhatsApp profile name and a phone number, a business-scoped
 * user id, or both (most 2026 callbacks name both; a guest with a username may have no phone number).
 */
public record SandboxGuest(String name, String phone, String userId) {

    /** The id the service keys the guest by: the phone number when there is one, else the user id. */
    public String id() {
        return phone != null ? phone : userId;
    }
}
