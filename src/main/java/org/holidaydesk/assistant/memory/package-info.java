/**
 * A guest's conversation with the model ({@code chat_memory}, condensed when long) and their Mem0 memories.
 * Public face: {@link ChatMemories}, {@link TurnChatMemoryStore}, {@link Mem0Client}.
 * Beans the routes call: {@code chatMemories} (retention).
 */
package org.holidaydesk.assistant.memory;
