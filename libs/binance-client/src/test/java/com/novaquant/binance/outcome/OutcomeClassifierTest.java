package com.novaquant.binance.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** One test per row of the classification table. */
class OutcomeClassifierTest {

    private static OrderOutcome response(int status, int code, String msg) {
        return OutcomeClassifier.classifyResponse(status, new BinanceError(code, msg));
    }

    @Test
    void http503AfterSendIsUnknownNotRejected() {
        OrderOutcome outcome = response(503, 0, "Unknown error, please check your request or try again later.");

        assertThat(outcome).isInstanceOf(Unknown.class);
    }

    @Test
    void http500WithoutBodyIsUnknown() {
        assertThat(OutcomeClassifier.classifyResponse(500, null)).isInstanceOf(Unknown.class);
    }

    @Test
    void http502FromAProxyIsUnknown() {
        assertThat(OutcomeClassifier.classifyResponse(502, null)).isInstanceOf(Unknown.class);
    }

    @Test
    void timeoutCode1007IsUnknownEvenWithHttp400() {
        OrderOutcome outcome = response(400, -1007, "Timeout waiting for response from backend server.");

        assertThat(outcome).isEqualTo(new Unknown(-1007, "Timeout waiting for response from backend server."));
    }

    @Test
    void unexpectedResponseCode1006IsUnknown() {
        assertThat(response(500, -1006, "An unexpected response was received")).isInstanceOf(Unknown.class);
    }

    @Test
    void serverBusy1008IsRejectedBecauseBinanceCallsItACertainFailure() {
        assertThat(response(503, -1008, "Request throttled by system-level protection."))
                .isEqualTo(new Rejected(-1008, "Request throttled by system-level protection."));
    }

    @Test
    void http408BackendTimeoutIsUnknown() {
        assertThat(OutcomeClassifier.classifyResponse(408, null)).isInstanceOf(Unknown.class);
    }

    @Test
    void insufficientBalance2010IsRejected() {
        OrderOutcome outcome = response(400, -2010, "Account has insufficient balance for requested action.");

        assertThat(outcome).isInstanceOfSatisfying(Rejected.class, r -> {
            assertThat(r.code()).isEqualTo(-2010);
            assertThat(r.isInsufficientFunds()).isTrue();
        });
    }

    @Test
    void marginInsufficient2019IsRejectedAsInsufficientFunds() {
        assertThat(response(400, -2019, "Margin is insufficient."))
                .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.isInsufficientFunds()).isTrue());
    }

    @Test
    void lotSizeFilterFailure1013IsRejectedAsFilterFailure() {
        assertThat(response(400, -1013, "Filter failure: LOT_SIZE"))
                .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.isFilterFailure()).isTrue());
    }

    @Test
    void futuresMinNotional4164IsRejectedAsFilterFailure() {
        assertThat(response(400, -4164, "Order's notional must be no smaller than 100"))
                .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.isFilterFailure()).isTrue());
    }

    @Test
    void badPrecision1111IsRejected() {
        assertThat(response(400, -1111, "Precision is over the maximum defined for this asset."))
                .isEqualTo(new Rejected(-1111, "Precision is over the maximum defined for this asset."));
    }

    @Test
    void invalidTimestamp1021IsRejected() {
        assertThat(response(400, -1021, "Timestamp for this request is outside of the recvWindow."))
                .isInstanceOf(Rejected.class);
    }

    @Test
    void invalidSignature1022IsRejected() {
        assertThat(response(400, -1022, "Signature for this request is not valid.")).isInstanceOf(Rejected.class);
    }

    @Test
    void cancelOfUnknownOrder2011IsRejectedAsUnknownOrder() {
        assertThat(response(400, -2011, "Unknown order sent."))
                .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.isUnknownOrder()).isTrue());
    }

    @Test
    void queryOfMissingOrder2013IsRejectedAsUnknownOrder() {
        assertThat(response(400, -2013, "Order does not exist."))
                .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.isUnknownOrder()).isTrue());
    }

    @Test
    void rejectedApiKey2015WithHttp401IsRejected() {
        assertThat(response(401, -2015, "Invalid API-key, IP, or permissions for action."))
                .isInstanceOf(Rejected.class);
    }

    @Test
    void http429IsRejectedWithTheBodysCode() {
        assertThat(response(429, -1003, "Too much request weight used")).isEqualTo(
                new Rejected(-1003, "Too much request weight used"));
    }

    @Test
    void http418WithoutBodyIsRejectedAsTooManyRequests() {
        assertThat(OutcomeClassifier.classifyResponse(418, null))
                .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo(-1003));
    }

    @Test
    void http404WithoutBinanceBodyIsRejectedWithNoCode() {
        assertThat(OutcomeClassifier.classifyResponse(404, null))
                .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.code()).isEqualTo(Rejected.NO_BINANCE_CODE));
    }

    @Test
    void http200WithUnreadableBodyIsUnknown() {
        assertThat(OutcomeClassifier.classifyResponse(200, null)).isInstanceOf(Unknown.class);
    }

    @Test
    void redirectIsUnknown() {
        assertThat(OutcomeClassifier.classifyResponse(302, null)).isInstanceOf(Unknown.class);
    }

    @Test
    void connectionRefusedBeforeSendIsNotSent() {
        OrderOutcome outcome = OutcomeClassifier.classifyTransport(
                new CompletionException(new ConnectException("Connection refused")), false);

        assertThat(outcome).isInstanceOfSatisfying(NotSent.class,
                n -> assertThat(n.reason()).isEqualTo(NotSentReason.CONNECT_FAILED));
    }

    @Test
    void unknownHostIsNotSent() {
        assertThat(OutcomeClassifier.classifyTransport(new UnknownHostException("nowhere"), false))
                .isInstanceOf(NotSent.class);
    }

    @Test
    void connectFailureIsNotSentEvenIfTheWriteFlagWasSet() {
        assertThat(OutcomeClassifier.classifyTransport(new ConnectException("refused"), true))
                .isInstanceOf(NotSent.class);
    }

    @Test
    void readTimeoutAfterSendIsUnknown() {
        assertThat(OutcomeClassifier.classifyTransport(ReadTimeoutException.INSTANCE, true))
                .isInstanceOf(Unknown.class);
    }

    @Test
    void overallTimeoutAfterSendIsUnknown() {
        assertThat(OutcomeClassifier.classifyTransport(new TimeoutException("Did not observe any item"), true))
                .isInstanceOf(Unknown.class);
    }

    @Test
    void connectionResetAfterSendIsUnknown() {
        assertThat(OutcomeClassifier.classifyTransport(new SocketException("Connection reset"), true))
                .isInstanceOf(Unknown.class);
    }

    @Test
    void ioFailureBeforeSendIsNotSent() {
        assertThat(OutcomeClassifier.classifyTransport(new IOException("pool closed"), false))
                .isInstanceOf(NotSent.class);
    }
}
