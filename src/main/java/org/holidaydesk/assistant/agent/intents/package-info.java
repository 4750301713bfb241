/**
 * What a guest asks of the assistant itself rather than of the properties: to be forgotten, or to talk to a person.
 * Public face: {@link ForgetMe}, {@link Handoffs} (also used by the operator endpoints).
 * Beans the routes call: {@code forgetMe}, {@code handoffs}.
 */
package org.holidaydesk.assistant.agent.intents;
