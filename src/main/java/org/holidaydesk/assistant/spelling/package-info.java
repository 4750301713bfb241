/**
 * Edit distance for names typed with mistakes. Public face: {@link EditDistance}. It depends on nothing of the service.
 * No route calls it.
 */
package org.holidaydesk.assistant.spelling;
