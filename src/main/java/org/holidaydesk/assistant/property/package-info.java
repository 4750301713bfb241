/**
 * The property catalog with its house guides, calendars (iCalendar feeds) and availability search, booking links, and the embedded
 * MCP server that serves them as tools. It stands alone: nothing of the assistant is imported.
 * Public face: {@link PropertyMcpServer} and the tools; the agents reach it only over MCP.
 * Beans the routes call: {@code availabilityIndex}, {@code calendarFeeds}.
 */
package org.holidaydesk.assistant.property;
