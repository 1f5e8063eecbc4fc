package com.novaquant.simulator.domain.orders;

/** Thrown by the exchange when a request is refused; carries Binance's code and message. */
public final class RejectedException extends RuntimeException {

    private final transient Rejection rejection;

    public RejectedException(int code, String msg) {
        super(msg, null, false, false);
        this.rejection = new Rejection(code, msg);
    }

    public Rejection rejection() {
        return rejection;
    }
}
