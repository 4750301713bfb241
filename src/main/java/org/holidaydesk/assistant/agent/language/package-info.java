/**
 * The guest's language: guessing English or Romanian, words compared without diacritics, and the few replies every
 * agent shares (no answer possible, slow down, forgotten).
 * Public face: {@link LanguageGuess}, {@link PlainText}, {@link FallbackReplies}. No route calls it.
 */
package org.holidaydesk.assistant.agent.language;
