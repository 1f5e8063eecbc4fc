package com.novaquant.events;

import java.math.BigDecimal;

/** A funding payment received (positive) or paid (negative) on the perp short. */
public record FundingPaymentEvent(
        String symbol,
        BigDecimal amount,
        String asset,
        long fundingTimeMs,
        long tranId,
        long atMicros) implements ExecutionEvent {
}
