package org.holidaydesk.assistant.agent.model;

import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.memory.ChatMemoryAccess;

/**
 * The model's side of one guest turn, as LangChain4j's AI service runs it: the guest's words in, the
 * answer out, with the conversation so far and the property tools. The system message comes from the
 * turn's memory, made anew each turn.
 */
interface GuestConversation extends ChatMemoryAccess {

    String chat(@MemoryId Object turn, @UserMessage String guestWords);
}
