package com.novaquant.events;

import java.util.List;

/**
 * The Kafka identity of each desk service: one SASL user per service, so the broker itself can tell which service
 * sent a record. What each may do is in {@link TopicAccess}.
 */
public enum DeskPrincipal {
    INGESTION("ingestion", "ingestion-service"),
    /**
     * {@code signal-kill-switch-catch-up} is the group of the start-up read of {@code nova.control} and
     * {@code nova.feed-gates}.
     */
    SIGNAL("signal", "signal-service", "signal-kill-switch-catch-up"),
    EXECUTION("execution", "execution-service"),
    ALERT("alert", "alert-service");

    private final String username;
    private final List<String> consumerGroupPrefixes;

    DeskPrincipal(String username, String... consumerGroupPrefixes) {
        this.username = username;
        this.consumerGroupPrefixes = List.of(consumerGroupPrefixes);
    }

    /** The SASL user name, e.g. {@code signal}. */
    public String username() {
        return username;
    }

    /** The principal as Kafka's authorizer names it, e.g. {@code User:signal}. */
    public String principal() {
        return "User:" + username;
    }

    /**
     * Prefixes of the consumer group ids this service uses. A service's groups start with its
     * {@code spring.application.name}: its listeners use it as is or with a suffix, and the shared kill-switch and
     * feed-gate views add a random one per instance, so only a prefix can name them all.
     */
    public List<String> consumerGroupPrefixes() {
        return consumerGroupPrefixes;
    }

    /** The principal of a SASL user name, e.g. {@code signal}; refuses a name that is not a desk service. */
    public static DeskPrincipal ofUsername(String username) {
        for (DeskPrincipal principal : values()) {
            if (principal.username.equals(username)) {
                return principal;
            }
        }
        throw new IllegalArgumentException("not a desk principal: " + username);
    }
}
