package com.novaquant.resilience;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exchange's own record of the orders it received (the simulator's {@code GET /admin/orders}), read as an
 * auditor would: what was placed, whether a client order id was placed twice, and how long the desk's delta stood
 * away from zero. It does not trust the desk's ledger; it only trusts what the exchange matched.
 */
record ExchangeJournal(List<Order> orders) {

    /**
     * One order as the exchange journal shows it.
     *
     * @param outcome    ACCEPTED, REJECTED:&lt;code&gt; or AMBIGUOUS:&lt;mode&gt; (placed, answer withheld or garbled)
     * @param receivedAt wall-clock epoch ms when the exchange received (and matched) it
     */
    record Order(String venue, String symbol, String clientOrderId, String side, String outcome, BigDecimal executedQty,
                 long receivedAt) {

        boolean placed() {
            return outcome.equals("ACCEPTED") || outcome.startsWith("AMBIGUOUS");
        }

        /** Signed base quantity this order added to the hedged position: spot long +, perp short -. */
        BigDecimal delta() {
            return side.equals("BUY") ? executedQty : executedQty.negate();
        }
    }

    ExchangeJournal symbol(String symbol) {
        return new ExchangeJournal(orders.stream().filter(o -> o.symbol().equals(symbol)).toList());
    }

    ExchangeJournal since(long epochMs) {
        return new ExchangeJournal(orders.stream().filter(o -> o.receivedAt() >= epochMs).toList());
    }

    int count() {
        return orders.size();
    }

    long placed() {
        return orders.stream().filter(Order::placed).count();
    }

    /** Client order ids the exchange placed more than once. */
    int duplicates() {
        Map<String, Integer> placed = new HashMap<>();
        orders.stream().filter(Order::placed).forEach(o -> placed.merge(o.venue() + ":" + o.clientOrderId(), 1, Integer::sum));
        return (int) placed.values().stream().filter(n -> n > 1).count();
    }

    /** Spot held minus perp short, in base units, after every order (commission aside). */
    BigDecimal delta() {
        return orders.stream().map(Order::delta).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Spot bought minus sold. */
    BigDecimal spotPosition() {
        return orders.stream().filter(o -> o.venue().equals("SPOT")).map(Order::delta).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The longest stretch during which the delta stood beyond {@code tolerance}: one leg without its hedge. A stretch
     * still open at {@code nowMs} counts up to then.
     */
    long longestNakedMs(BigDecimal tolerance, long nowMs) {
        List<Order> byTime = orders.stream().sorted(Comparator.comparingLong(Order::receivedAt)).toList();
        BigDecimal delta = BigDecimal.ZERO;
        long nakedSince = -1;
        long longest = 0;
        for (Order o : byTime) {
            delta = delta.add(o.delta());
            boolean naked = delta.abs().compareTo(tolerance) > 0;
            if (naked && nakedSince < 0) {
                nakedSince = o.receivedAt();
            } else if (!naked && nakedSince >= 0) {
                longest = Math.max(longest, o.receivedAt() - nakedSince);
                nakedSince = -1;
            }
        }
        return nakedSince >= 0 ? Math.max(longest, nowMs - nakedSince) : longest;
    }
}
