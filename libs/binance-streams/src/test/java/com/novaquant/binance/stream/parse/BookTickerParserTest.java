package com.novaquant.binance.stream.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BookTickerParserTest {

    static final String SPOT = "{\"u\":5123456789,\"s\":\"BTCUSDT\",\"b\":\"64250.01000000\",\"B\":\"0.41200000\","
            + "\"a\":\"64250.02000000\",\"A\":\"1.03000000\"}";
    static final String USDM = "{\"e\":\"bookTicker\",\"u\":8812345678901,\"E\":1772000000456,\"T\":1772000000452,"
            + "\"s\":\"BTCUSDT\",\n \"b\":\"64251.10\",\"B\":\"3.412\",\"a\":\"64251.20\",\"A\":\"0.870\"}";

    final SymbolTable symbols = new SymbolTable(List.of("BTCUSDT", "ETHUSDT"));
    final BookTickerParser spot = new BookTickerParser(symbols, false);
    final BookTickerParser usdm = new BookTickerParser(symbols, true);
    final BookTicker ticker = new BookTicker();

    ParseStatus parse(BookTickerParser parser, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return parser.parse(bytes, 0, bytes.length, ticker);
    }

    @Test
    void spotExamplePayloadParsesToExactValuesWithTheirScale() {
        assertThat(parse(spot, SPOT)).isEqualTo(ParseStatus.OK);
        assertThat(ticker.symbol()).isEqualTo("BTCUSDT");
        assertThat(ticker.updateId()).isEqualTo(5123456789L);
        assertThat(ticker.eventTimeMs()).isZero();
        assertThat(ticker.bidPrice()).isEqualTo(new BigDecimal("64250.01000000"));
        assertThat(ticker.bidQty()).isEqualTo(new BigDecimal("0.41200000"));
        assertThat(ticker.askPrice()).isEqualTo(new BigDecimal("64250.02000000"));
        assertThat(ticker.askQty()).isEqualTo(new BigDecimal("1.03000000"));
    }

    @Test
    void usdmExamplePayloadParsesWithEventAndTransactionTimes() {
        assertThat(parse(usdm, USDM)).isEqualTo(ParseStatus.OK);
        assertThat(ticker.updateId()).isEqualTo(8812345678901L);
        assertThat(ticker.eventTimeMs()).isEqualTo(1772000000456L);
        assertThat(ticker.transactionTimeMs()).isEqualTo(1772000000452L);
        assertThat(ticker.bidPrice()).isEqualTo(new BigDecimal("64251.10"));
        assertThat(ticker.bidQty()).isEqualTo(new BigDecimal("3.412"));
        assertThat(ticker.askPrice()).isEqualTo(new BigDecimal("64251.20"));
        assertThat(ticker.askQty()).isEqualTo(new BigDecimal("0.870"));
    }

    @Test
    void unknownExtraFieldsOfAnyShapeAreSkipped() {
        String withExtras = SPOT.replace("{\"u\"", "{\"x\":[1,{\"y\":null},true,-2.5e3],\"z\":{\"q\":\"w\"},\"u\"");
        assertThat(parse(spot, withExtras)).isEqualTo(ParseStatus.OK);
        assertThat(ticker.askPrice()).isEqualTo(new BigDecimal("64250.02000000"));
    }

    @Test
    void usdmBookTickerWithoutEventTimeIsRejectedBecauseLagCannotBeMeasured() {
        assertThat(parse(usdm, SPOT)).isEqualTo(ParseStatus.MISSING_FIELD);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "truncated mid value|TRUNCATED",
            "truncated before brace|TRUNCATED",
            "empty|TRUNCATED",
            "not an object|MALFORMED",
            "number price|WRONG_TYPE",
            "string update id|WRONG_TYPE",
            "fractional update id|WRONG_TYPE",
            "missing ask qty|MISSING_FIELD",
            "duplicate bid|DUPLICATE_FIELD",
            "huge price|NUMBER_OUT_OF_RANGE",
            "huge update id|NUMBER_OUT_OF_RANGE",
            "NaN price|NOT_A_NUMBER",
            "Infinity qty|NOT_A_NUMBER",
            "exponent price|NOT_A_NUMBER",
            "empty price|NOT_A_NUMBER",
            "trailing point|NOT_A_NUMBER",
            "negative bid|NEGATIVE_VALUE",
            "negative update id|NEGATIVE_VALUE",
            "zero ask|NON_POSITIVE_PRICE",
            "unknown symbol|UNKNOWN_SYMBOL",
            "trailing garbage|TRAILING_DATA",
            "two objects|TRAILING_DATA",
            "missing colon|MALFORMED",
            "missing comma|MALFORMED",
            "deep nesting|TOO_DEEP",
            "wrong event|UNEXPECTED_EVENT",
    })
    void malformedPayloadIsRejectedWithItsReason(String variant, ParseStatus expected) {
        assertThat(parse(spot, malformed(variant))).isEqualTo(expected);
    }

    static String malformed(String variant) {
        return switch (variant) {
            case "truncated mid value" -> SPOT.substring(0, 40);
            case "truncated before brace" -> SPOT.substring(0, SPOT.length() - 1);
            case "empty" -> "";
            case "not an object" -> "[1,2]";
            case "number price" -> SPOT.replace("\"b\":\"64250.01000000\"", "\"b\":64250.01");
            case "string update id" -> SPOT.replace("5123456789", "\"5123456789\"");
            case "fractional update id" -> SPOT.replace("5123456789", "5123456789.5");
            case "missing ask qty" -> SPOT.replace(",\"A\":\"1.03000000\"", "");
            case "duplicate bid" -> SPOT.replace("{\"u\"", "{\"b\":\"1\",\"u\"");
            case "huge price" -> SPOT.replace("64250.01000000", "1234567890123456789.5");
            case "huge update id" -> SPOT.replace("5123456789", "12345678901234567890");
            case "NaN price" -> SPOT.replace("64250.01000000", "NaN");
            case "Infinity qty" -> SPOT.replace("0.41200000", "Infinity");
            case "exponent price" -> SPOT.replace("64250.01000000", "6.425001E4");
            case "empty price" -> SPOT.replace("64250.01000000", "");
            case "trailing point" -> SPOT.replace("64250.01000000", "64250.");
            case "negative bid" -> SPOT.replace("64250.01000000", "-64250.01");
            case "negative update id" -> SPOT.replace("5123456789", "-5");
            case "zero ask" -> SPOT.replace("64250.02000000", "0.00000000");
            case "unknown symbol" -> SPOT.replace("BTCUSDT", "DOGEUSDT");
            case "trailing garbage" -> SPOT + "x";
            case "two objects" -> SPOT + SPOT;
            case "missing colon" -> SPOT.replace("\"s\":", "\"s\"");
            case "missing comma" -> SPOT.replace(",\"s\"", "\"s\"");
            case "deep nesting" -> SPOT.replace("{\"u\"", "{\"x\":" + "[".repeat(40) + "]".repeat(40) + ",\"u\"");
            case "wrong event" -> SPOT.replace("{\"u\"", "{\"e\":\"trade\",\"u\"");
            default -> throw new IllegalArgumentException(variant);
        };
    }

    @Test
    void holderIsReusableAcrossFramesWithoutLeakingOldValues() {
        assertThat(parse(usdm, USDM)).isEqualTo(ParseStatus.OK);
        assertThat(parse(spot, SPOT)).isEqualTo(ParseStatus.OK);
        assertThat(ticker.eventTimeMs()).isZero();
        assertThat(ticker.bidPrice()).isEqualTo(new BigDecimal("64250.01000000"));
    }
}
