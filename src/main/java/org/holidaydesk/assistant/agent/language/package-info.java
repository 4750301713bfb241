/**
 * The guest's language: the language files ({@code language/*.yaml}: replies, counts, word lists), guessing which
 * one a guest writes, words compared without diacritics, and the few replies every agent shares (no answer possible,
 * slow down, forgotten). Public face: {@link Languages}, {@link Language}, {@link LanguageGuess}, {@link PlainText},
 * {@link FallbackReplies}. No route calls it.
 */
package org.holidaydesk.assistant.agent.language;
