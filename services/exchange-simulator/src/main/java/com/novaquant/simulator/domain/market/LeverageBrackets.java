package com.novaquant.simulator.domain.market;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * USD-M notional and leverage brackets per symbol: the highest leverage allowed up to each notional cap and the
 * maintenance margin ratio that applies within it, with {@code cum}, the maintenance amount that makes the tiers
 * continuous ({@code cum(n) = cum(n-1) + floor(n) * (ratio(n) - ratio(n-1))}). The simulator does not liquidate;
 * the table is a fixed one close to Binance's: BTCUSDT and ETHUSDT have their own, any other symbol a mid-cap table.
 */
public final class LeverageBrackets {

    private static final List<Bracket> BTCUSDT = table(new Object[][]{
            {125, "0", "50000", "0.004"}, {100, "50000", "500000", "0.005"}, {50, "500000", "8000000", "0.01"},
            {20, "8000000", "50000000", "0.025"}, {10, "50000000", "80000000", "0.05"},
            {5, "80000000", "100000000", "0.1"}, {4, "100000000", "200000000", "0.125"},
            {3, "200000000", "400000000", "0.15"}, {2, "400000000", "600000000", "0.25"},
            {1, "600000000", "800000000", "0.5"}});
    private static final List<Bracket> ETHUSDT = table(new Object[][]{
            {125, "0", "50000", "0.004"}, {100, "50000", "500000", "0.005"}, {50, "500000", "5000000", "0.01"},
            {20, "5000000", "30000000", "0.025"}, {10, "30000000", "50000000", "0.05"},
            {5, "50000000", "80000000", "0.1"}, {4, "80000000", "100000000", "0.125"},
            {3, "100000000", "200000000", "0.15"}, {2, "200000000", "300000000", "0.25"},
            {1, "300000000", "500000000", "0.5"}});
    private static final List<Bracket> OTHER = table(new Object[][]{
            {50, "0", "5000", "0.01"}, {25, "5000", "50000", "0.02"}, {20, "50000", "900000", "0.025"},
            {10, "900000", "2400000", "0.05"}, {5, "2400000", "6000000", "0.1"}, {4, "6000000", "15000000", "0.125"},
            {3, "15000000", "25000000", "0.15"}, {2, "25000000", "50000000", "0.25"}, {1, "50000000", "80000000", "0.5"}});

    private LeverageBrackets() {
    }

    /** The brackets of {@code symbol}, lowest notional first. */
    public static List<Bracket> of(String symbol) {
        return switch (symbol) {
            case "BTCUSDT" -> BTCUSDT;
            case "ETHUSDT" -> ETHUSDT;
            default -> OTHER;
        };
    }

    /** The highest leverage the symbol allows (that of its first bracket). */
    public static int maxLeverage(String symbol) {
        return of(symbol).getFirst().initialLeverage();
    }

    /** The largest position notional open at {@code leverage}: the cap of the last bracket that still allows it. */
    public static BigDecimal maxNotional(String symbol, int leverage) {
        BigDecimal cap = BigDecimal.ZERO;
        for (Bracket b : of(symbol)) {
            if (b.initialLeverage() >= leverage) {
                cap = b.notionalCap();
            }
        }
        return cap;
    }

    private static List<Bracket> table(Object[][] rows) {
        List<Bracket> out = new ArrayList<>();
        BigDecimal cum = BigDecimal.ZERO;
        BigDecimal previousRatio = BigDecimal.ZERO;
        for (int i = 0; i < rows.length; i++) {
            BigDecimal floor = new BigDecimal((String) rows[i][1]);
            BigDecimal ratio = new BigDecimal((String) rows[i][3]);
            cum = cum.add(floor.multiply(ratio.subtract(previousRatio)));
            previousRatio = ratio;
            out.add(new Bracket(i + 1, (Integer) rows[i][0], floor, new BigDecimal((String) rows[i][2]), ratio, cum));
        }
        return List.copyOf(out);
    }

    /** One bracket: notional in [{@code notionalFloor}, {@code notionalCap}). */
    public record Bracket(int bracket, int initialLeverage, BigDecimal notionalFloor, BigDecimal notionalCap,
                          BigDecimal maintMarginRatio, BigDecimal cum) {
    }
}
