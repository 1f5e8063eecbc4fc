package com.novaquant.alert.application;

import com.novaquant.alert.domain.Delivery;

/** Where deliveries go (Telegram). */
public interface DeliveryChannel {

    /** False while the channel cannot deliver at all (no token, no recipients): alerts then stay pending. */
    boolean ready();

    /** Why it is not ready, for the health endpoint and the start-up warning. */
    String notReadyReason();

    /**
     * Sends one delivery to every recipient that does not have it yet. Blocks for at most the channel's own
     * timeouts. Never throws for a delivery problem; reports it instead.
     */
    DeliveryResult send(Delivery delivery);
}
