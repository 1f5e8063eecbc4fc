package com.novaquant.execution.domain;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;

/**
 * A commission valued in USDT, with the price used and where it came from. Quote-asset commission is taken as it is;
 * commission in the traded base asset at the fill's own price; any other asset (BNB) at that asset's USDT price.
 *
 * @param usdt   the commission in USDT, exact (commission times price)
 * @param price  USDT per unit of the commission asset
 * @param source how the price was found: {@code quote}, {@code fill price} or {@code <ASSET>USDT price}
 */
public record CommissionValue(BigDecimal usdt, BigDecimal price, String source) {

    public static final String QUOTE_ASSET = "USDT";

    /**
     * @param assetPrice the USDT price of an asset other than the pair's, read at the time of valuing; empty when it
     *                   cannot be read (then the commission cannot be valued yet)
     */
    public static Optional<CommissionValue> of(BigDecimal commission, String asset, String baseAsset,
                                               BigDecimal fillPrice, Function<String, Optional<BigDecimal>> assetPrice) {
        if (commission.signum() == 0 || QUOTE_ASSET.equals(asset)) {
            return Optional.of(new CommissionValue(commission, BigDecimal.ONE, "quote"));
        }
        if (asset.equals(baseAsset)) {
            return Optional.of(new CommissionValue(commission.multiply(fillPrice), fillPrice, "fill price"));
        }
        return assetPrice.apply(asset)
                .map(price -> new CommissionValue(commission.multiply(price), price, asset + QUOTE_ASSET + " price"));
    }
}
