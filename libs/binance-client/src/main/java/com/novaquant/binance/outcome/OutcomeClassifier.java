package com.novaquant.binance.outcome;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;

/**
 * The one table that turns what happened on the wire into an {@link OrderOutcome}. Nothing else in the code
 * base looks at HTTP status codes.
 *
 * <table>
 *   <caption>Classification</caption>
 *   <tr><th>Observation</th><th>Outcome</th></tr>
 *   <tr><td>2xx with a readable body</td><td>Accepted (parsed by the caller)</td></tr>
 *   <tr><td>2xx with an unreadable body</td><td>Unknown (the order was probably placed)</td></tr>
 *   <tr><td>any status with code -1006 or -1007</td><td>Unknown (Binance: execution status unknown)</td></tr>
 *   <tr><td>5xx with code -1008 (server busy / throttled)</td><td>Rejected (Binance: certain failure)</td></tr>
 *   <tr><td>other 5xx, 408</td><td>Unknown</td></tr>
 *   <tr><td>429, 418</td><td>Rejected (code from the body, else -1003); the gate also blocks further calls</td></tr>
 *   <tr><td>other 4xx with a Binance code (-2010, -2019, -1013, -4164, -1111, -1021, -1022, -2011, ...)</td>
 *       <td>Rejected</td></tr>
 *   <tr><td>other 4xx without a Binance body (404 from a wrong URL, WAF 403)</td>
 *       <td>Rejected with code 0</td></tr>
 *   <tr><td>1xx/3xx</td><td>Unknown</td></tr>
 *   <tr><td>transport failure before the request was written (refused, DNS, connect timeout)</td>
 *       <td>NotSent(CONNECT_FAILED)</td></tr>
 *   <tr><td>transport failure after the request was written (read timeout, reset, premature close)</td>
 *       <td>Unknown</td></tr>
 * </table>
 *
 * <p>Whether the request may then be sent again is not decided here but by the outcome: {@link OrderOutcome#retry()}.
 */
public final class OutcomeClassifier {

    private OutcomeClassifier() {
    }

    /**
     * Classifies a non-2xx response, or a 2xx whose body could not be read.
     *
     * @param httpStatus the HTTP status
     * @param error      the Binance {@code {code,msg}} body, or null when the body was not one
     */
    public static OrderOutcome classifyResponse(int httpStatus, BinanceError error) {
        if (httpStatus >= 200 && httpStatus < 300) {
            return new Unknown(error == null ? Rejected.NO_BINANCE_CODE : error.code(),
                    "HTTP " + httpStatus + " with an unreadable body");
        }
        if (error != null && (error.code() == BinanceErrorCodes.TIMEOUT
                || error.code() == BinanceErrorCodes.UNEXPECTED_RESPONSE)) {
            return new Unknown(error.code(), error.msg());
        }
        if (httpStatus >= 500) {
            if (error != null && error.code() == BinanceErrorCodes.SERVER_BUSY) {
                return new Rejected(error.code(), error.msg());
            }
            return new Unknown(error == null ? Rejected.NO_BINANCE_CODE : error.code(),
                    "HTTP " + httpStatus + " after send: " + (error == null ? "no Binance error body" : error.msg()));
        }
        if (httpStatus == 408) {
            return new Unknown(error == null ? Rejected.NO_BINANCE_CODE : error.code(),
                    "HTTP 408: Binance timed out waiting for its backend");
        }
        if (httpStatus == 429 || httpStatus == 418) {
            return error == null
                    ? new Rejected(BinanceErrorCodes.TOO_MANY_REQUESTS,
                            httpStatus == 418 ? "IP banned (HTTP 418)" : "rate limit exceeded (HTTP 429)")
                    : new Rejected(error.code(), error.msg());
        }
        if (httpStatus >= 400) {
            return error == null
                    ? new Rejected(Rejected.NO_BINANCE_CODE, "HTTP " + httpStatus + " without a Binance error body")
                    : new Rejected(error.code(), error.msg());
        }
        return new Unknown(error == null ? Rejected.NO_BINANCE_CODE : error.code(),
                "unexpected HTTP " + httpStatus);
    }

    /**
     * Classifies a transport failure.
     *
     * @param failure        what the HTTP stack raised
     * @param requestWritten whether writing of the request had begun when it failed
     */
    public static OrderOutcome classifyTransport(Throwable failure, boolean requestWritten) {
        Throwable cause = unwrap(failure);
        String detail = cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        if (!requestWritten || isConnectFailure(cause)) {
            return NotSent.of(NotSentReason.CONNECT_FAILED, detail);
        }
        if (cause instanceof TimeoutException || isNettyReadTimeout(cause)) {
            return new Unknown(Rejected.NO_BINANCE_CODE, "no response in time after the request was written ("
                    + detail + ")");
        }
        if (cause instanceof IOException) {
            return new Unknown(Rejected.NO_BINANCE_CODE, "connection failed after the request was written ("
                    + detail + ")");
        }
        return new Unknown(Rejected.NO_BINANCE_CODE, "failure after the request was written (" + detail + ")");
    }

    private static boolean isConnectFailure(Throwable cause) {
        return cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof NoRouteToHostException || cause instanceof UnresolvedAddressException
                || cause.getClass().getName().equals("io.netty.channel.ConnectTimeoutException");
    }

    private static boolean isNettyReadTimeout(Throwable cause) {
        return cause.getClass().getName().startsWith("io.netty.handler.timeout.");
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException
                || (t.getClass().getName().startsWith("reactor.core.Exceptions$") && t.getCause() != null))
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
