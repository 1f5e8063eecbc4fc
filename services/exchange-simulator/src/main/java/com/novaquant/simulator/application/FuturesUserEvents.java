package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.accounts.Position;
import com.novaquant.simulator.domain.orders.Order;
import com.novaquant.simulator.domain.orders.OrderView;

import java.math.BigDecimal;
import java.util.List;

/** Where the USD-M user-data events of an account go (the private WebSocket streams). */
public interface FuturesUserEvents {

    /**
     * An ORDER_TRADE_UPDATE: {@code executionType} is NEW, TRADE, CANCELED or EXPIRED; {@code fill}
     * is the execution for TRADE, else null.
     */
    void orderUpdate(String apiKey, OrderView order, String executionType, Order.TradeFill fill,
                     BigDecimal realisedProfit, long eventTime);

    /** An ACCOUNT_UPDATE with reason {@code reason} (ORDER, FUNDING_FEE). */
    void accountUpdate(String apiKey, String reason, BigDecimal wallet, BigDecimal balanceChange,
                       List<Position> positions, BigDecimal markUnrealised, long eventTime);
}
