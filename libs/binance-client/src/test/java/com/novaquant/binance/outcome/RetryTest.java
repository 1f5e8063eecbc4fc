package com.novaquant.binance.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.novaquant.binance.terms.OrderStatus;
import com.novaquant.binance.terms.Venue;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The retry table: every outcome kind, every reason a request was not sent, and the codes that may pass later. */
class RetryTest {

    private static final OrderSnapshot FILLED = new OrderSnapshot(Venue.SPOT, "BTCUSDT", 1, "p1-spot", "BUY",
            "MARKET", OrderStatus.FILLED, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.TEN,
            BigDecimal.TEN, List.of(), 0);

    static Stream<Arguments> table() {
        return Stream.of(
                arguments(new Accepted(FILLED), Retry.NEVER, false),
                arguments(new Unknown(-1007, "Timeout waiting for response from backend server."), Retry.AT_ONCE, true),
                arguments(new Unknown(Rejected.NO_BINANCE_CODE, "read timeout after send"), Retry.AT_ONCE, true),
                arguments(NotSent.of(NotSentReason.CONNECT_FAILED, "refused"), Retry.AT_ONCE, true),
                arguments(NotSent.of(NotSentReason.RATE_LIMITED, "budget spent"), Retry.LATER, true),
                arguments(NotSent.of(NotSentReason.BANNED, "HTTP 418"), Retry.LATER, true),
                arguments(NotSent.of(NotSentReason.CIRCUIT_OPEN, "open"), Retry.LATER, true),
                arguments(NotSent.of(NotSentReason.INVALID_LOCALLY, "LOT_SIZE"), Retry.NEVER, false),
                arguments(NotSent.of(NotSentReason.CLOSED, "closed"), Retry.NEVER, false),
                arguments(new Rejected(-1021, "Timestamp for this request is outside of the recvWindow."),
                        Retry.AT_ONCE, true),
                arguments(new Rejected(-1003, "Too many requests."), Retry.LATER, true),
                arguments(new Rejected(-1015, "Too many new orders."), Retry.LATER, true),
                arguments(new Rejected(-1008, "Request throttled by system-level protection."), Retry.LATER, true),
                arguments(new Rejected(-2010, "Account has insufficient balance for requested action."),
                        Retry.NEVER, false),
                arguments(new Rejected(-2019, "Margin is insufficient."), Retry.NEVER, false),
                arguments(new Rejected(-1013, "Filter failure: LOT_SIZE"), Retry.NEVER, false),
                arguments(new Rejected(-4164, "Order's notional must be no smaller than 5"), Retry.NEVER, false),
                arguments(new Rejected(-1121, "Invalid symbol."), Retry.NEVER, false),
                arguments(new Rejected(-2011, "Unknown order sent."), Retry.NEVER, false),
                arguments(new Rejected(-2013, "Order does not exist."), Retry.NEVER, false),
                arguments(new Rejected(-1022, "Signature for this request is not valid."), Retry.NEVER, false),
                arguments(new Rejected(-2015, "Invalid API-key, IP, or permissions for action."), Retry.NEVER, false),
                arguments(new Rejected(Rejected.NO_BINANCE_CODE, "HTTP 404 without a Binance error body"),
                        Retry.NEVER, false));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("table")
    void eachOutcomeSaysWhetherAndWhenTheRequestMayBeSentAgain(OrderOutcome outcome, Retry retry,
                                                               boolean retryable) {
        assertThat(outcome.retry()).isEqualTo(retry);
        assertThat(outcome.retryable()).isEqualTo(retryable);
    }

    @Test
    void everyReasonForNotSendingIsInTheTable() {
        assertThat(table().map(row -> row.get()[0]).filter(NotSent.class::isInstance)
                .map(outcome -> ((NotSent) outcome).reason()))
                .containsExactlyInAnyOrder(NotSentReason.values());
    }
}
