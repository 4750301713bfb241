package org.holidaydesk.assistant.simulator;

/** The simulator exists in development only; in production its addresses answer 404. */
public class SimulatorUnavailableException extends RuntimeException {

    public SimulatorUnavailableException() {
        super("Not Found");
    }
}
