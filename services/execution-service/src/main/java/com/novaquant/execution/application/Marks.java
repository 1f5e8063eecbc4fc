package com.novaquant.execution.application;

import com.novaquant.events.Signal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest mid prices per symbol and venue, taken from the quotes carried by signals; used only to value open
 * positions (unrealised PnL), never to price an order.
 */
public class Marks {

    private final Map<String, BigDecimal[]> marks = new ConcurrentHashMap<>();

    public void update(Signal signal) {
        marks.put(signal.symbol(), new BigDecimal[]{mid(signal.spot().bidPrice(), signal.spot().askPrice()),
                mid(signal.perp().bidPrice(), signal.perp().askPrice())});
    }

    /** symbol to [spot mid, perp mid]. */
    public Map<String, BigDecimal[]> snapshot() {
        return new HashMap<>(marks);
    }

    private static BigDecimal mid(BigDecimal bid, BigDecimal ask) {
        return bid.add(ask).divide(BigDecimal.TWO);
    }
}
