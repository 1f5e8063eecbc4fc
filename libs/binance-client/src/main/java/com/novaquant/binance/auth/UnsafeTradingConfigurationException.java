package com.novaquant.binance.auth;

/** The trading mode, endpoints and credentials do not fit together; the client refuses to start. */
public class UnsafeTradingConfigurationException extends IllegalStateException {

    public UnsafeTradingConfigurationException(String message) {
        super(message);
    }
}
