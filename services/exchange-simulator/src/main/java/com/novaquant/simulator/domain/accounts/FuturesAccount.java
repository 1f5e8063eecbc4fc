package com.novaquant.simulator.domain.accounts;

import com.novaquant.simulator.domain.matching.Side;
import com.novaquant.simulator.domain.orders.RejectedException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A USD-M account: USDT wallet, positions, leverage per symbol, the income history and the account's modes
 * ({@link FuturesModes}). Positions are one-way and margined as cross whatever the modes say ({@link MarginRule}).
 * Touched only under the exchange's lock.
 */
public final class FuturesAccount {

    public static final String ASSET = "USDT";

    private final Map<String, Position> positions = new TreeMap<>();
    private final Map<String, Integer> leverage = new TreeMap<>();
    private final List<IncomeRecord> income = new ArrayList<>();
    private final int defaultLeverage;
    private final FuturesModes modes;
    private BigDecimal wallet;

    /** An account in One-way and Single-Asset Mode, Binance's defaults. */
    public FuturesAccount(BigDecimal wallet, int defaultLeverage) {
        this(wallet, defaultLeverage, new FuturesModes(false, false));
    }

    public FuturesAccount(BigDecimal wallet, int defaultLeverage, FuturesModes modes) {
        this.wallet = wallet;
        this.defaultLeverage = defaultLeverage;
        this.modes = modes;
    }

    public FuturesModes modes() {
        return modes;
    }

    /** Whether any symbol holds a position. */
    public boolean anyPosition() {
        return positions.values().stream().anyMatch(p -> p.amount().signum() != 0);
    }

    public BigDecimal wallet() {
        return wallet;
    }

    public void addToWallet(BigDecimal delta) {
        wallet = wallet.add(delta);
    }

    public Position position(String symbol) {
        return positions.getOrDefault(symbol, Position.flat(symbol));
    }

    /** Refuses (-2022) a reduce-only order that would not reduce the position: there is none, or it is on the order's side. */
    public void admitReduceOnly(String symbol, Side side) {
        int held = position(symbol).amount().signum();
        if (held == 0 || held == side.sign()) {
            throw new RejectedException(-2022, "ReduceOnly Order is rejected.");
        }
    }

    public void setPosition(Position position) {
        positions.put(position.symbol(), position);
    }

    public Collection<Position> positions() {
        return positions.values();
    }

    public int leverage(String symbol) {
        return leverage.getOrDefault(symbol, defaultLeverage);
    }

    public void setLeverage(String symbol, int value) {
        leverage.put(symbol, value);
    }

    public void addIncome(IncomeRecord record) {
        income.add(record);
    }

    public List<IncomeRecord> income() {
        return List.copyOf(income);
    }

    /** Sum of unrealised PnL over positions at the given mark prices. */
    public BigDecimal unrealisedPnl(Function<String, BigDecimal> markPrice) {
        BigDecimal total = BigDecimal.ZERO;
        for (Position p : positions.values()) {
            if (p.amount().signum() != 0) {
                total = total.add(p.unrealisedPnl(markPrice.apply(p.symbol())));
            }
        }
        return total;
    }
}
