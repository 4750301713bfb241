package org.holidaydesk.assistant.agent.offline;

import java.util.HashMap;
import java.util.Map;

/** Guest contexts in a map, for rule tests; the service keeps them in the database. */
public class MemoryGuestContexts implements GuestContexts {

    final Map<String, GuestContext> saved = new HashMap<>();

    @Override
    public GuestContext load(String guestId) {
        return saved.getOrDefault(guestId, GuestContext.EMPTY);
    }

    @Override
    public void save(String guestId, GuestContext context) {
        saved.put(guestId, context);
    }

    @Override
    public void forget(String guestId) {
        saved.remove(guestId);
    }

    @Override
    public void moveGuest(String from, String to) {
        GuestContext moved = saved.remove(from);
        if (moved != null) {
            saved.putIfAbsent(to, moved);
        }
    }
}
