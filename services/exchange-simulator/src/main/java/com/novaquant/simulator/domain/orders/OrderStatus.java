package com.novaquant.simulator.domain.orders;

/** Binance order statuses used by the simulator (spot and USD-M share these names). */
public enum OrderStatus {
    NEW,
    PARTIALLY_FILLED,
    FILLED,
    CANCELED,
    REJECTED,
    EXPIRED;

    /** Open orders can still fill or be canceled; they block their client order id. */
    public boolean isOpen() {
        return this == NEW || this == PARTIALLY_FILLED;
    }
}
