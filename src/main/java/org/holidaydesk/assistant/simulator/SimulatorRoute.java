package org.holidaydesk.assistant.simulator;

/** Names {@code simulator.camel.yaml} and the beans it calls share. */
public final class SimulatorRoute {

    /** Exchange property holding what the sandbox's guest sends while it is signed and posted to the webhook. */
    public static final String OUTGOING = "outgoing";

    /** Exchange property holding the service's own webhook URL the sandbox posts to. */
    public static final String WEBHOOK_URL = "webhookUrl";

    private SimulatorRoute() {}
}
