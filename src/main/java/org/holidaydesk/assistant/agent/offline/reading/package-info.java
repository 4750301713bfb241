/**
 * Reads a guest's words for the offline agent: dates, party size, property names, what they ask about a place, what
 * the house guide answers ({@link GuideTopic}) and what they want of one, by the language files' word lists. It knows nothing of the model, of turns, or of the offline agent's answers.
 * Public face: {@link RequestReader} (one {@link GuestRequest} per turn), {@link Fact}, {@link Feature}, {@link Features}.
 * No route calls it.
 */
package org.holidaydesk.assistant.agent.offline.reading;
