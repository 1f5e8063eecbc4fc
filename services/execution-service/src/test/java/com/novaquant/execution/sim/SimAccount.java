package com.novaquant.execution.sim;

import com.novaquant.events.Side;
import com.novaquant.execution.application.MarginType;
import com.novaquant.execution.application.TradingVenue.AccountSettings;
import com.novaquant.execution.application.TradingVenue.PerpPosition;
import com.novaquant.execution.application.TradingVenue.SpotBalance;
import com.novaquant.execution.application.TradingVenue.SymbolSettings;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The money behind the {@link SimulatedVenue}: spot balances (no locking: market orders never rest) and a USD-M
 * one-way account at a fixed leverage, with the modes and per-symbol settings Binance keeps (they change what the
 * venue accepts, not the arithmetic). Perp positions are kept as lots closed first-in first-out, so that realised
 * PnL, and with it the wallet, stays exact; only the reported entry price is a rounded average.
 * Sorted maps keep every iteration, and so every random pick over them, the same from run to run.
 */
final class SimAccount {

    static final BigDecimal LEVERAGE = BigDecimal.valueOf(2);
    static final String USDT = "USDT";
    private static final BigDecimal SPOT_FEE = new BigDecimal("0.001");
    private static final BigDecimal PERP_FEE = new BigDecimal("0.0005");
    private static final BigDecimal MAINT_RATE = new BigDecimal("0.004");
    /** Liquidation price as a multiple of entry: a rough stand-in at leverage 2, enough for margin alerts. */
    private static final BigDecimal SHORT_LIQUIDATION = new BigDecimal("1.5");
    private static final BigDecimal LONG_LIQUIDATION = new BigDecimal("0.5");

    /** One opening fill still open; {@code qty} signed like the position. */
    private record Lot(BigDecimal qty, BigDecimal price) {
    }

    private final Map<String, BigDecimal> spot = new TreeMap<>();
    private final Map<String, Deque<Lot>> lots = new TreeMap<>();
    private BigDecimal wallet = BigDecimal.ZERO;
    private boolean hedgeMode;
    private boolean multiAssetsMode;
    private final Map<String, SymbolSettings> symbolSettings = new TreeMap<>();

    AccountSettings settings() {
        return new AccountSettings(hedgeMode, multiAssetsMode);
    }

    boolean hedgeMode() {
        return hedgeMode;
    }

    void setHedgeMode(boolean hedgeMode) {
        this.hedgeMode = hedgeMode;
    }

    void setMultiAssetsMode(boolean multiAssetsMode) {
        this.multiAssetsMode = multiAssetsMode;
    }

    /** As last set, or null when never set. */
    SymbolSettings symbolSettings(String symbol) {
        return symbolSettings.get(symbol);
    }

    /**
     * Sets leverage and margin type with Binance's refusals: leverage outside 1..125 (-4028); a margin type change
     * while the symbol holds a position (-4048), or to ISOLATED in Multi-Assets Mode (-4168). Symbols start at
     * leverage 20 and CROSSED.
     */
    SymbolSettings prepare(String symbol, int leverage, MarginType marginType) {
        SymbolSettings held = symbolSettings.getOrDefault(symbol, new SymbolSettings(symbol, 20, MarginType.CROSSED, null));
        List<String> refusals = new ArrayList<>();
        boolean leverageRefused = leverage < 1 || leverage > 125;
        if (leverageRefused) {
            refusals.add("leverage refused: -4028 Leverage " + leverage + " is not valid");
        }
        boolean typeRefused = false;
        if (marginType != held.marginType()) {
            if (marginType == MarginType.ISOLATED && multiAssetsMode) {
                typeRefused = true;
                refusals.add("margin type refused: -4168 Unable to adjust to isolated-margin mode under the"
                        + " Multi-Assets mode.");
            } else if (position(symbol).signum() != 0) {
                typeRefused = true;
                refusals.add("margin type refused: -4048 Margin type cannot be changed if there exists position.");
            }
        }
        symbolSettings.put(symbol, new SymbolSettings(symbol, leverageRefused ? held.leverage() : leverage,
                typeRefused ? held.marginType() : marginType, null));
        return new SymbolSettings(symbol, leverageRefused ? 0 : leverage, typeRefused ? null : marginType,
                refusals.isEmpty() ? null : String.join("; ", refusals));
    }

    void addSpot(String asset, BigDecimal delta) {
        spot.merge(asset, delta, BigDecimal::add);
    }

    BigDecimal spot(String asset) {
        return spot.getOrDefault(asset, BigDecimal.ZERO);
    }

    /** Every asset ever held; free is total, as nothing is ever locked. */
    Map<String, SpotBalance> spotBalances() {
        Map<String, SpotBalance> balances = new TreeMap<>();
        spot.forEach((asset, amount) -> balances.put(asset, new SpotBalance(amount, amount)));
        return balances;
    }

    void addWallet(BigDecimal delta) {
        wallet = wallet.add(delta);
    }

    /** Deposits + realised PnL - commissions. */
    BigDecimal wallet() {
        return wallet;
    }

    /** Initial margin of the open positions at their entry prices. */
    BigDecimal usedMargin() {
        BigDecimal used = BigDecimal.ZERO;
        for (Deque<Lot> open : lots.values()) {
            for (Lot lot : open) {
                used = used.add(lot.qty().abs().multiply(lot.price()));
            }
        }
        return used.divide(LEVERAGE);
    }

    BigDecimal available() {
        return wallet.subtract(usedMargin());
    }

    /** Signed: negative for a short. */
    BigDecimal position(String symbol) {
        BigDecimal amount = BigDecimal.ZERO;
        for (Lot lot : lots.getOrDefault(symbol, new ArrayDeque<>())) {
            amount = amount.add(lot.qty());
        }
        return amount;
    }

    /** Average price of the open lots, rounded to 16 significant digits; zero when flat. */
    BigDecimal entryPrice(String symbol) {
        BigDecimal qty = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        for (Lot lot : lots.getOrDefault(symbol, new ArrayDeque<>())) {
            qty = qty.add(lot.qty().abs());
            cost = cost.add(lot.qty().abs().multiply(lot.price()));
        }
        return qty.signum() == 0 ? BigDecimal.ZERO : cost.divide(qty, MathContext.DECIMAL64).stripTrailingZeros();
    }

    /** Spot: a BUY spends USDT, a SELL the base asset; free is total here. */
    boolean canAffordSpot(String base, Side side, BigDecimal qty, BigDecimal price) {
        return side == Side.BUY ? qty.multiply(price).compareTo(spot(USDT)) <= 0 : qty.compareTo(spot(base)) <= 0;
    }

    /** One-way mode: only the part that opens or grows a position needs margin (notional / leverage). */
    boolean canAffordPerp(String symbol, Side side, BigDecimal qty, BigDecimal price) {
        BigDecimal position = position(symbol);
        int direction = side == Side.BUY ? 1 : -1;
        BigDecimal opening = position.signum() == -direction ? qty.subtract(position.abs()).max(BigDecimal.ZERO) : qty;
        return opening.multiply(price).divide(LEVERAGE).compareTo(available()) <= 0;
    }

    /** Books a spot fill; a BUY pays 0.1% in the base asset it receives, a SELL 0.1% of the USDT. Returns the fee. */
    BigDecimal fillSpot(String base, Side side, BigDecimal qty, BigDecimal price) {
        BigDecimal quote = qty.multiply(price);
        if (side == Side.BUY) {
            BigDecimal fee = qty.multiply(SPOT_FEE);
            addSpot(USDT, quote.negate());
            addSpot(base, qty.subtract(fee));
            return fee;
        }
        BigDecimal fee = quote.multiply(SPOT_FEE);
        addSpot(base, qty.negate());
        addSpot(USDT, quote.subtract(fee));
        return fee;
    }

    /** Books a perp fill with its 0.05% USDT commission. Returns the commission. */
    BigDecimal fillPerp(String symbol, Side side, BigDecimal qty, BigDecimal price) {
        BigDecimal fee = qty.multiply(price).multiply(PERP_FEE);
        perpFill(symbol, side == Side.BUY ? qty : qty.negate(), price, fee);
        return fee;
    }

    /** The open positions, sorted by symbol, marked at {@code mark}. */
    List<PerpPosition> positions(Function<String, BigDecimal> mark) {
        return openSymbols().stream().map(symbol -> {
            BigDecimal amount = position(symbol);
            BigDecimal entry = entryPrice(symbol);
            BigDecimal liquidation = entry.multiply(amount.signum() < 0 ? SHORT_LIQUIDATION : LONG_LIQUIDATION);
            return new PerpPosition(symbol, amount, entry, mark.apply(symbol), liquidation);
        }).toList();
    }

    /** 0.4% of every position's notional at {@code mark}. */
    BigDecimal maintMargin(Function<String, BigDecimal> mark) {
        BigDecimal maint = BigDecimal.ZERO;
        for (String symbol : openSymbols()) {
            maint = maint.add(position(symbol).abs().multiply(mark.apply(symbol)).multiply(MAINT_RATE));
        }
        return maint;
    }

    /** Symbols with a non-zero position, sorted. */
    List<String> openSymbols() {
        return lots.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
    }

    /**
     * Applies one perp fill: first closes opposite lots oldest first, realising their PnL into the wallet, then opens
     * what is left as a new lot; the commission leaves the wallet.
     */
    void perpFill(String symbol, BigDecimal signedQty, BigDecimal price, BigDecimal commission) {
        Deque<Lot> open = lots.computeIfAbsent(symbol, s -> new ArrayDeque<>());
        BigDecimal left = signedQty;
        while (left.signum() != 0 && !open.isEmpty() && open.peekFirst().qty().signum() != left.signum()) {
            Lot lot = open.pollFirst();
            BigDecimal closed = lot.qty().abs().min(left.abs());
            // a long gains when the price rose, a short when it fell
            wallet = wallet.add(closed.multiply(price.subtract(lot.price())).multiply(BigDecimal.valueOf(lot.qty().signum())));
            BigDecimal rest = lot.qty().abs().subtract(closed);
            if (rest.signum() > 0) {
                open.addFirst(new Lot(rest.multiply(BigDecimal.valueOf(lot.qty().signum())), lot.price()));
            }
            left = left.subtract(closed.multiply(BigDecimal.valueOf(left.signum())));
        }
        if (left.signum() != 0) {
            open.addLast(new Lot(left, price));
        }
        wallet = wallet.subtract(commission);
    }
}
