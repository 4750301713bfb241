/**
 * The language model's agent: the chat model with its token budget, the turn's prompts, the LangChain4j AI service
 * with the MCP tools, the model's answer read into a reply with choices, Mem0 recall, condensing long conversations,
 * voice notes transcribed. It knows nothing of the offline agent.
 * Beans the routes call: {@code modelTurns}, {@code voiceNotes}, {@code guestMemories}, {@code modelPrompts},
 * {@code guestModelAgent}, {@code modelReplies}, {@code memoryCondenser}.
 */
package org.holidaydesk.assistant.agent.model;
