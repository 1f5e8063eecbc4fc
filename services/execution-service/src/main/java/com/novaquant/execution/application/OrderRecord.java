package com.novaquant.execution.application;

import com.novaquant.events.Side;
import com.novaquant.events.Venue;
import com.novaquant.execution.domain.OrderPurpose;
import com.novaquant.execution.domain.OrderStatus;
import com.novaquant.ids.ClientOrderId;
import com.novaquant.ids.PairId;
import com.novaquant.ids.SignalId;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One order as the ledger holds it.
 *
 * @param retryable for a rejection: whether the exchange's refusal may pass on a retry
 */
public record OrderRecord(ClientOrderId clientOrderId, PairId pairId, SignalId signalId, String symbol, Venue venue,
        Side side,
                          BigDecimal quantity, boolean reduceOnly, OrderPurpose purpose, OrderStatus status,
                          long exchangeOrderId, BigDecimal executedQty, BigDecimal avgPrice, BigDecimal fee,
                          String feeAsset, int errorCode, String errorMessage, boolean retryable, long tickReceivedAtMicros,
                          long signalDecidedAtMicros, Instant createdAt) {
}
