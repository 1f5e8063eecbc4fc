package com.novaquant.simulator.domain.accounts;

import com.novaquant.simulator.domain.orders.RejectedException;
import com.novaquant.simulator.domain.orders.Rejection;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The USD-M settings Binance keeps per account (position mode, asset mode) and per symbol (margin type), with
 * Binance's refusals of a change (docs/binance-protocol.md, "Account modes"). The simulator still margins every
 * position in USDT as cross: the settings decide what is reported and which orders are accepted, not the arithmetic.
 * Touched only under the exchange's lock.
 */
public final class FuturesModes {

    private static final Set<String> POSITION_SIDES = Set.of("BOTH", "LONG", "SHORT");

    private boolean dualSidePosition;
    private boolean multiAssetsMargin;
    private final Map<String, MarginType> marginTypes = new TreeMap<>();

    /**
     * @param dualSidePosition  true: Hedge Mode, false: One-way Mode
     * @param multiAssetsMargin true: Multi-Assets Mode, false: Single-Asset Mode
     */
    public FuturesModes(boolean dualSidePosition, boolean multiAssetsMargin) {
        this.dualSidePosition = dualSidePosition;
        this.multiAssetsMargin = multiAssetsMargin;
    }

    public boolean dualSidePosition() {
        return dualSidePosition;
    }

    public boolean multiAssetsMargin() {
        return multiAssetsMargin;
    }

    /** Every symbol starts CROSSED, as on Binance. */
    public MarginType marginType(String symbol) {
        return marginTypes.getOrDefault(symbol, MarginType.CROSSED);
    }

    /** {@code POST /fapi/v1/positionSide/dual}: every symbol at once, so only with no position and no open order. */
    public void changePositionMode(boolean dual, boolean anyPosition, boolean anyOpenOrder) {
        if (dual == dualSidePosition) {
            throw new RejectedException(-4059, "No need to change position side.");
        }
        if (anyPosition) {
            throw new RejectedException(-4068, "Position side cannot be changed if there exists position.");
        }
        if (anyOpenOrder) {
            throw new RejectedException(-4067, "Position side cannot be changed if there exists open orders.");
        }
        dualSidePosition = dual;
    }

    /** {@code POST /fapi/v1/multiAssetsMargin}. */
    public void changeAssetMode(boolean multi, boolean anyOpenOrder) {
        if (multi == multiAssetsMargin) {
            throw new RejectedException(-4171,
                    "Adjusted asset mode is currently set and does not need to be adjusted repeatedly.");
        }
        if (multi && marginTypes.containsValue(MarginType.ISOLATED)) {
            throw new RejectedException(-4167,
                    "Unable to adjust to Multi-Assets mode with symbols of USDⓈ-M Futures under isolated-margin mode.");
        }
        if (anyOpenOrder) {
            throw new RejectedException(-4170, "Unable to adjust Multi-Assets Mode with open orders in USDⓈ-M Futures.");
        }
        multiAssetsMargin = multi;
    }

    /** {@code POST /fapi/v1/marginType}: one symbol, only while it has no position and no open order. */
    public void changeMarginType(String symbol, MarginType type, boolean position, boolean openOrders) {
        if (type == marginType(symbol)) {
            throw new RejectedException(-4046, "No need to change margin type.");
        }
        if (type == MarginType.ISOLATED && multiAssetsMargin) {
            throw new RejectedException(-4168, "Unable to adjust to isolated-margin mode under the Multi-Assets mode.");
        }
        if (position) {
            throw new RejectedException(-4048, "Margin type cannot be changed if there exists position.");
        }
        if (openOrders) {
            throw new RejectedException(-4047, "Margin type cannot be changed if there exists open orders.");
        }
        marginTypes.put(symbol, type);
    }

    /**
     * Why an order's {@code positionSide} (null: none sent) does not fit the position mode, if it does not: One-way
     * Mode takes BOTH or none, Hedge Mode LONG or SHORT. Hedge Mode positions are not simulated, so a LONG or SHORT
     * order that Binance would take is refused too, with a code Binance uses for what it does not allow now.
     */
    public Optional<Rejection> positionSideProblem(String positionSide) {
        String side = positionSide == null ? "BOTH" : positionSide;
        if (!POSITION_SIDES.contains(side)) {
            return Optional.of(new Rejection(-4060, "Invalid position side."));
        }
        if (dualSidePosition == side.equals("BOTH")) {
            return Optional.of(new Rejection(-4061, "Order's position side does not match user's setting."));
        }
        if (dualSidePosition) {
            return Optional.of(new Rejection(-4084,
                    "Method is not allowed currently. Hedge Mode positions are not simulated: use One-way Mode."));
        }
        return Optional.empty();
    }
}
