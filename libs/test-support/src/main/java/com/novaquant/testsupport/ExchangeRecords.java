package com.novaquant.testsupport;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * What an exchange account's own records of one symbol add up to, worked out from them alone: commission valued in
 * USDT (quote as it is, the base asset at its fill's price), funding received, and the basis PnL of both legs (the
 * perp's realised PnL as the exchange booked it, the spot's from the average cost of what the buys delivered).
 * Reads one account's entry of the simulator's {@code GET /admin/records?symbol=}, trades in trade-id order per venue.
 *
 * <p>A sell that leaves less than one spot lot step ends that spot leg: what is left is a closed pair's residue
 * (commission in kind took it below a step), and the next buy starts a leg of its own, as the desk's pairs do.
 */
public record ExchangeRecords(BigDecimal basis, BigDecimal funding, BigDecimal fees) {

    public static ExchangeRecords of(JsonNode records, String baseAsset, BigDecimal spotStep) {
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal basis = BigDecimal.ZERO;
        BigDecimal held = BigDecimal.ZERO;
        BigDecimal entry = BigDecimal.ZERO;
        for (JsonNode trade : records.path("trades")) {
            BigDecimal price = new BigDecimal(trade.path("price").asString());
            BigDecimal qty = new BigDecimal(trade.path("qty").asString());
            BigDecimal commission = new BigDecimal(trade.path("commission").asString());
            String asset = trade.path("commissionAsset").asString();
            fees = fees.add(asset.equals(baseAsset) ? commission.multiply(price) : commission);
            if ("USDM".equals(trade.path("venue").asString())) {
                basis = basis.add(new BigDecimal(trade.path("realizedPnl").asString()));
            } else if ("BUY".equals(trade.path("side").asString())) {
                BigDecimal received = asset.equals(baseAsset) ? qty.subtract(commission) : qty;
                BigDecimal total = held.add(received);
                entry = held.multiply(entry).add(received.multiply(price)).divide(total, MathContext.DECIMAL64);
                held = total;
            } else {
                basis = basis.add(price.subtract(entry).multiply(qty));
                held = held.subtract(qty);
                if (held.compareTo(spotStep) < 0) {
                    held = BigDecimal.ZERO;
                    entry = BigDecimal.ZERO;
                }
            }
        }
        BigDecimal funding = BigDecimal.ZERO;
        for (JsonNode entryRow : records.path("income")) {
            if ("FUNDING_FEE".equals(entryRow.path("incomeType").asString())) {
                funding = funding.add(new BigDecimal(entryRow.path("income").asString()));
            }
        }
        return new ExchangeRecords(basis, funding, fees);
    }
}
