package org.holidaydesk.assistant.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** This replica's name in claims and leases: the host name (the pod's name on Kubernetes) and a random suffix. */
@Component
public class InstanceId {

    private final String value;

    public InstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "replica";
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = host + "-" + suffix;
        this.value = name.length() > 64 ? name.substring(name.length() - 64) : name;
    }

    public String value() {
        return value;
    }
}
