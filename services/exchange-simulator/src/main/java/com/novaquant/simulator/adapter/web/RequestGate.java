package com.novaquant.simulator.adapter.web;

import com.novaquant.simulator.application.Faults;
import com.novaquant.simulator.domain.accounts.Accounts;
import com.novaquant.simulator.domain.accounts.PaperAccount;
import com.novaquant.simulator.domain.market.Venue;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

import java.net.InetSocketAddress;
import java.util.function.LongSupplier;

/**
 * The checks every Binance REST call passes, in Binance's order: bans and rate limits (weight,
 * X-MBX-USED-WEIGHT-1M on every answer), then for keyed endpoints the API key (-2014/-2015), and for
 * SIGNED endpoints the HMAC signature (-1022) and the timestamp window (-1021).
 */
final class RequestGate {

    private final Accounts accounts;
    private final Faults faults;
    private final RateLimiter limiter;
    private final LongSupplier wallMillis;
    private final long maxRecvWindow;

    RequestGate(Accounts accounts, Faults faults, RateLimiter limiter, LongSupplier wallMillis, long maxRecvWindow) {
        this.accounts = accounts;
        this.faults = faults;
        this.limiter = limiter;
        this.wallMillis = wallMillis;
        this.maxRecvWindow = maxRecvWindow;
    }

    /** A public (NONE) endpoint. */
    RequestParams open(ServerWebExchange web, Venue venue, int weight) {
        admit(web, venue, weight);
        return new RequestParams(web.getRequest().getURI().getRawQuery(), null);
    }

    /** A USER_STREAM endpoint: API key only, no signature. */
    Authenticated keyed(ServerWebExchange web, String body, Venue venue, int weight) {
        admit(web, venue, weight);
        PaperAccount account = account(web);
        return new Authenticated(account.apiKey(), new RequestParams(web.getRequest().getURI().getRawQuery(), body));
    }

    /** A SIGNED (TRADE / USER_DATA) endpoint. */
    Authenticated signed(ServerWebExchange web, String body, Venue venue, int weight) {
        admit(web, venue, weight);
        PaperAccount account = account(web);
        String rawQuery = web.getRequest().getURI().getRawQuery();
        String rawBody = body == null ? "" : body;
        RequestParams params = new RequestParams(rawQuery, rawBody);
        HmacVerifier.Signed signed = HmacVerifier.extract(rawQuery == null ? "" : rawQuery, rawBody);
        if (signed == null) {
            throw ApiException.missing("signature");
        }
        if (!HmacVerifier.verify(account.secret(), signed)) {
            throw ApiException.badRequest(-1022, "Signature for this request is not valid.");
        }
        checkTimestamp(params);
        return new Authenticated(account.apiKey(), params);
    }

    private void checkTimestamp(RequestParams params) {
        Long timestamp = params.longValue("timestamp");
        if (timestamp == null) {
            throw ApiException.missing("timestamp");
        }
        long recvWindow = 5000;
        if (params.get("recvWindow") != null) {
            recvWindow = params.decimal("recvWindow").longValue();
            if (recvWindow <= 0 || recvWindow > maxRecvWindow) {
                throw ApiException.badRequest(-1131, "recvWindow must be less than " + maxRecvWindow + ".");
            }
        }
        // Spot also accepts microsecond timestamps.
        long millis = timestamp > 100_000_000_000_000L ? timestamp / 1000 : timestamp;
        long server = wallMillis.getAsLong();
        if (millis >= server + 1000) {
            throw ApiException.badRequest(-1021, "Timestamp for this request was 1000ms ahead of the server's time.");
        }
        if (server - millis > recvWindow) {
            throw ApiException.badRequest(-1021, "Timestamp for this request is outside of the recvWindow.");
        }
    }

    private PaperAccount account(ServerWebExchange web) {
        String key = web.getRequest().getHeaders().getFirst("X-MBX-APIKEY");
        if (key == null || key.isBlank() || key.length() > 256) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, -2014, "API-key format invalid.");
        }
        return accounts.find(key.trim())
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, -2015, "Invalid API-key, IP, or permissions for action."));
    }

    private void admit(ServerWebExchange web, Venue venue, int weight) {
        String ip = ip(web);
        long ban = faults.banSecondsLeft(venue);
        if (ban > 0) {
            web.getResponse().getHeaders().set("X-MBX-USED-WEIGHT-1M", Integer.toString(limiter.used(ip, venue)));
            throw new ApiException(HttpStatus.I_AM_A_TEAPOT, -1003,
                    "Way too much request weight used; IP banned until " + (wallMillis.getAsLong() + ban * 1000)
                            + ". Please use WebSocket Streams for live updates to avoid bans.", ban);
        }
        long limited = faults.rateLimitSecondsLeft();
        if (limited > 0) {
            web.getResponse().getHeaders().set("X-MBX-USED-WEIGHT-1M", Integer.toString(limiter.used(ip, venue)));
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, -1003,
                    "Too much request weight used; current limit is exceeded. Please use WebSocket Streams for live updates to avoid polling the API.",
                    limited);
        }
        try {
            int used = limiter.admit(ip, venue, weight);
            web.getResponse().getHeaders().set("X-MBX-USED-WEIGHT-1M", Integer.toString(used));
        } catch (ApiException e) {
            web.getResponse().getHeaders().set("X-MBX-USED-WEIGHT-1M", Integer.toString(limiter.used(ip, venue)));
            throw e;
        }
    }

    /** Adds the order-count headers of a successful order placement. */
    void countOrder(ServerWebExchange web, String apiKey, Venue venue) {
        long[] counts = limiter.countOrder(apiKey, venue);
        web.getResponse().getHeaders().set("X-MBX-ORDER-COUNT-10S", Long.toString(counts[0]));
        web.getResponse().getHeaders().set(venue == Venue.SPOT ? "X-MBX-ORDER-COUNT-1D" : "X-MBX-ORDER-COUNT-1M",
                Long.toString(counts[1]));
    }

    private static String ip(ServerWebExchange web) {
        InetSocketAddress remote = web.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    /** The account a request was authenticated for, and its parameters. */
    record Authenticated(String apiKey, RequestParams params) {
    }
}
