package org.holidaydesk.assistant.ops;

import java.util.Map;
import org.holidaydesk.assistant.agent.ForgetMe;
import org.holidaydesk.assistant.agent.TurnTraces;
import org.holidaydesk.assistant.privacy.Masking;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

/**
 * {@code DELETE /actuator/guests/{id}} on the management port: erases one guest's conversation memory,
 * request context and Mem0 memories (and the development sandbox's traces of their turns), as the guest can
 * by writing "forget me". Needs the operator token
 * ({@link OperatorTokenFilter}).
 */
@Component
@Endpoint(id = "guests")
public class GuestsEndpoint {

    private final ForgetMe forgetMe;
    private final TurnTraces traces;

    public GuestsEndpoint(ForgetMe forgetMe, TurnTraces traces) {
        this.forgetMe = forgetMe;
        this.traces = traces;
    }

    @DeleteOperation
    public WebEndpointResponse<Map<String, Object>> erase(@Selector String id) {
        boolean mem0Confirmed = forgetMe.forget(id);
        traces.forget(id);
        return new WebEndpointResponse<>(Map.of("guest", Masking.recipient(id), "erased", true,
                "mem0", mem0Confirmed ? "erased" : "not confirmed; try again later"), mem0Confirmed ? 200 : 202);
    }
}
