package com.novaquant.simulator.domain.accounts;

/** A paper trading account: its API key and secret, spot balances and USD-M account. */
public final class PaperAccount {

    private final String apiKey;
    private final String secret;
    private final SpotAccount spot;
    private final FuturesAccount futures;

    public PaperAccount(String apiKey, String secret, SpotAccount spot, FuturesAccount futures) {
        this.apiKey = apiKey;
        this.secret = secret;
        this.spot = spot;
        this.futures = futures;
    }

    public String apiKey() {
        return apiKey;
    }

    public String secret() {
        return secret;
    }

    public SpotAccount spot() {
        return spot;
    }

    public FuturesAccount futures() {
        return futures;
    }

    @Override
    public String toString() {
        return "PaperAccount[apiKey=" + apiKey + ", secret=****]";
    }
}
