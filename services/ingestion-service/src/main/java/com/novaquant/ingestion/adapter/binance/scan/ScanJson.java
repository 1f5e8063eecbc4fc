package com.novaquant.ingestion.adapter.binance.scan;

import com.novaquant.ingestion.application.scan.ScanRows.Book;
import com.novaquant.ingestion.application.scan.ScanRows.Funding;
import com.novaquant.ingestion.application.scan.ScanRows.FundingInterval;
import com.novaquant.ingestion.application.scan.ScanRows.Listing;
import com.novaquant.ingestion.application.scan.ScanRows.Volume;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Binance's market-wide answers as rows, in their documented formats (decimals are JSON strings, kept exactly as
 * sent). A body of the wrong shape (not the list) is an {@link IllegalArgumentException}: the endpoint failed. A row
 * that names no symbol is counted, not returned; a value that is not a finite number reads as null (0 for times and
 * hours), for the join rules to exclude its symbol under a reason.
 */
final class ScanJson {

    /** The rows that name a symbol, and how many did not. */
    record Rows<T>(List<T> rows, int unreadable) {
    }

    private ScanJson() {
    }

    /**
     * {@code GET /api/v3/exchangeInfo} and {@code GET /fapi/v1/exchangeInfo}: {@code {"symbols":[{"symbol","status",
     * "quoteAsset", "contractType" (USD-M only),...}]}}.
     */
    static Rows<Listing> listings(JsonNode body) {
        JsonNode symbols = body.path("symbols");
        if (!body.isObject() || !symbols.isArray()) {
            throw new IllegalArgumentException("exchangeInfo without a symbols list");
        }
        return rows(symbols, row -> new Listing(text(row, "symbol"), text(row, "status"), text(row, "quoteAsset"),
                row.has("contractType") ? text(row, "contractType") : null));
    }

    /** {@code GET /api/v3/ticker/bookTicker} and {@code GET /fapi/v1/ticker/bookTicker}: a list of top of books. */
    static Rows<Book> books(JsonNode body) {
        return rows(list(body), row -> new Book(text(row, "symbol"), decimal(row, "bidPrice"), decimal(row, "bidQty"),
                decimal(row, "askPrice"), decimal(row, "askQty")));
    }

    /** {@code GET /api/v3/ticker/24hr} and {@code GET /fapi/v1/ticker/24hr}: {@code quoteVolume} of each symbol. */
    static Rows<Volume> volumes(JsonNode body) {
        return rows(list(body), row -> new Volume(text(row, "symbol"), decimal(row, "quoteVolume")));
    }

    /**
     * {@code GET /fapi/v1/premiumIndex}: {@code lastFundingRate} and {@code nextFundingTime} of every symbol (delivery
     * contracts come with an empty rate, which reads as null; the join never asks for them).
     */
    static Rows<Funding> fundings(JsonNode body) {
        return rows(list(body), row -> new Funding(text(row, "symbol"), decimal(row, "lastFundingRate"),
                whole(row, "nextFundingTime")));
    }

    /** {@code GET /fapi/v1/fundingInfo}: {@code fundingIntervalHours} of the symbols Binance adjusted. */
    static Rows<FundingInterval> fundingIntervals(JsonNode body) {
        return rows(list(body), row -> {
            long hours = whole(row, "fundingIntervalHours");
            return new FundingInterval(text(row, "symbol"), hours > 0 && hours <= 24 * 365 ? (int) hours : 0);
        });
    }

    private static JsonNode list(JsonNode body) {
        if (!body.isArray()) {
            throw new IllegalArgumentException("expected a list of every symbol, got " + body.getNodeType());
        }
        return body;
    }

    private static <T> Rows<T> rows(JsonNode array, Function<JsonNode, T> read) {
        List<T> rows = new ArrayList<>(array.size());
        int unreadable = 0;
        for (JsonNode row : array) {
            if (!row.isObject() || text(row, "symbol").isBlank()) {
                unreadable++;
                continue;
            }
            rows.add(read.apply(row));
        }
        return new Rows<>(rows, unreadable);
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.path(field);
        return value.isString() ? value.stringValue() : "";
    }

    /** Binance sends decimals as strings; a number is taken too. NaN, infinities, text and absence are null. */
    static BigDecimal decimal(JsonNode row, String field) {
        JsonNode value = row.path(field);
        if (value.isNumber()) {
            return value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue()) ? null : value.decimalValue();
        }
        if (!value.isString()) {
            return null;
        }
        try {
            return new BigDecimal(value.stringValue().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long whole(JsonNode row, String field) {
        JsonNode value = row.path(field);
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isString()) {
            try {
                return Long.parseLong(value.stringValue().trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }
}
