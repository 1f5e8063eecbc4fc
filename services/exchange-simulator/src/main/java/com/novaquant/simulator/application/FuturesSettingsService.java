package com.novaquant.simulator.application;

import com.novaquant.simulator.domain.accounts.FuturesAccount;
import com.novaquant.simulator.domain.accounts.FuturesModes;
import com.novaquant.simulator.domain.accounts.MarginType;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.orders.RejectedException;

/**
 * A paper account's USD-M settings: leverage per symbol, position mode, asset mode and margin type per symbol
 * ({@link FuturesModes}), each change refused while a position or an open order forbids it. Each call holds the
 * {@link ExchangeState} lock, so a change cannot race an order that would forbid it.
 */
public final class FuturesSettingsService {

    private final ExchangeState state;

    public FuturesSettingsService(ExchangeState state) {
        this.state = state;
    }

    /** The account's position mode: true is Hedge Mode. */
    public boolean dualSidePosition(String apiKey) {
        synchronized (state) {
            return modes(apiKey).dualSidePosition();
        }
    }

    public void changePositionMode(String apiKey, boolean dualSidePosition) {
        synchronized (state) {
            FuturesAccount futures = state.accounts.require(apiKey).futures();
            futures.modes().changePositionMode(dualSidePosition, futures.anyPosition(), anyOpenOrder(apiKey, null));
        }
    }

    /** The account's asset mode: true is Multi-Assets Mode. */
    public boolean multiAssetsMargin(String apiKey) {
        synchronized (state) {
            return modes(apiKey).multiAssetsMargin();
        }
    }

    public void changeAssetMode(String apiKey, boolean multiAssetsMargin) {
        synchronized (state) {
            modes(apiKey).changeAssetMode(multiAssetsMargin, anyOpenOrder(apiKey, null));
        }
    }

    public void changeMarginType(String apiKey, String symbol, MarginType type) {
        synchronized (state) {
            state.requireMarket(symbol);
            FuturesAccount futures = state.accounts.require(apiKey).futures();
            futures.modes().changeMarginType(symbol, type, futures.position(symbol).amount().signum() != 0,
                    anyOpenOrder(apiKey, symbol));
        }
    }

    public int setLeverage(String apiKey, String symbol, int leverage) {
        synchronized (state) {
            state.requireMarket(symbol);
            if (leverage < 1 || leverage > 125) {
                throw new RejectedException(-4028, "Leverage " + leverage + " is not valid");
            }
            state.accounts.require(apiKey).futures().setLeverage(symbol, leverage);
            return leverage;
        }
    }

    private FuturesModes modes(String apiKey) {
        return state.accounts.require(apiKey).futures().modes();
    }

    private boolean anyOpenOrder(String apiKey, String symbol) {
        return state.orders.anyOpen(apiKey, Venue.USDM, symbol);
    }
}
