package com.novaquant.simulator.domain.accounts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Binance's "BNB burn" for spot commission: when it is on and the account holds enough free BNB, the commission is
 * paid in BNB at 75 % of the standard rate (Binance's 25 % discount) instead of in the asset received. The simulator
 * values the commission in BNB at one configured BNB price in USDT, so only USDT-quoted symbols can pay in BNB; the
 * others keep paying in the asset received.
 *
 * @param enabled      whether every paper account has BNB burn on
 * @param bnbPriceUsdt the BNB price that converts a USDT commission into BNB
 */
public record BnbBurn(boolean enabled, BigDecimal bnbPriceUsdt) {

    public static final String ASSET = "BNB";
    /** The share of the standard commission paid in BNB. */
    public static final BigDecimal PAID_SHARE = new BigDecimal("0.75");
    public static final BnbBurn OFF = new BnbBurn(false, new BigDecimal("600"));

    private static final String VALUATION_ASSET = "USDT";
    private static final int SCALE = 8;

    public BnbBurn {
        if (enabled && (bnbPriceUsdt == null || bnbPriceUsdt.signum() <= 0)) {
            throw new IllegalArgumentException("the BNB price must be positive, was " + bnbPriceUsdt);
        }
    }

    /**
     * The BNB that pays a commission worth {@code commissionInQuote} of {@code quoteAsset}, or empty when the
     * commission is paid the standard way: burn off, a quote other than USDT, or not enough free BNB.
     */
    public Optional<BigDecimal> commission(SpotAccount spot, String quoteAsset, BigDecimal commissionInQuote) {
        if (!enabled || !VALUATION_ASSET.equals(quoteAsset)) {
            return Optional.empty();
        }
        BigDecimal bnb = commissionInQuote.multiply(PAID_SHARE).divide(bnbPriceUsdt, SCALE, RoundingMode.HALF_UP);
        return spot.canSpend(ASSET, bnb) ? Optional.of(bnb) : Optional.empty();
    }
}
