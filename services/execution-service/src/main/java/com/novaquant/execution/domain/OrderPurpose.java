package com.novaquant.execution.domain;

/** Why an order was sent; part of its client order id so that a restart can tell the orders of one signal apart. */
public enum OrderPurpose {
    OPEN("O"), CLOSE("C"), REHEDGE("H"), UNWIND("U");

    private final String code;

    OrderPurpose(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
