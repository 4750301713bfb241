/**
 * The property tools as the agents reach them: the MCP client connection, the tools' typed face for the offline
 * agent, the tool provider for the model, and the offline agent's calls kept for the turn's trace.
 * Public face: {@link PropertyTools}, {@link McpPropertyTools}, {@link PropertyToolProvider}, {@link OfflineToolCalls}.
 * No route calls it.
 */
package org.holidaydesk.assistant.agent.tools;
