package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.orders.OrderView;

/** The result of an accepted order: its state right after matching. */
public record PlacedOrder(OrderView order) {
}
