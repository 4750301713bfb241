/**
 * The development sandbox: a chat page that signs and posts callbacks to the service's own webhook, and read-only
 * views of what the pipeline did (never served in production).
 * Public face: {@link Simulator}, {@link SandboxViews}, {@link SimulatorRoute}.
 * Beans the routes call: {@code simulator}, {@code sandboxViews}.
 */
package org.holidaydesk.assistant.simulator;
