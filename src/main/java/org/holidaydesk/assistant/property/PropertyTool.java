package org.holidaydesk.assistant.property;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * One tool of the property MCP server: its definition for the model and what a call does. A call
 * returns the answer as structured content plus a short text rendering, or throws a
 * {@link PropertyRequestException} that the server turns into an {@code isError} result.
 */
interface PropertyTool {

    McpSchema.Tool definition(McpJsonMapper json);

    Answer call(ToolArguments arguments);

    /** @param structured a JSON object; @param text the same answer in a few lines for a reader */
    record Answer(Object structured, String text) {}
}
