package com.novaquant.execution.domain;

import java.math.BigDecimal;

/**
 * Execution's own view of one symbol's best prices on both venues, from the book-ticker streams it opens itself (not
 * from the signal, not from Kafka): what the venue showed when the decision was taken.
 *
 * @param ageMs age of the older of the two legs' latest book tickers at the decision, by this process's clock
 */
public record OwnPrices(BigDecimal spotBid, BigDecimal spotAsk, BigDecimal perpBid, BigDecimal perpAsk, long ageMs) {
}
