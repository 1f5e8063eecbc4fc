package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.accounts.Position;
import com.novaquant.simulator.domain.orders.Order;
import com.novaquant.simulator.domain.orders.OrderView;

import java.math.BigDecimal;
import java.util.List;

/** User-data events nobody listens to: for tests of an exchange whose streams they do not read. */
public final class SilentUserEvents implements FuturesUserEvents {

    @Override
    public void orderUpdate(String apiKey, OrderView order, String executionType, Order.TradeFill fill,
                            BigDecimal realisedProfit, long eventTime) {
    }

    @Override
    public void accountUpdate(String apiKey, String reason, BigDecimal wallet, BigDecimal balanceChange,
                              List<Position> positions, BigDecimal markUnrealised, long eventTime) {
    }
}
