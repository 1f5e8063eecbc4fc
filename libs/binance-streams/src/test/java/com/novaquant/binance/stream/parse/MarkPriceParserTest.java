package com.novaquant.binance.stream.parse;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkPriceParserTest {

    static final String EXAMPLE = "{\"e\":\"markPriceUpdate\",\"E\":1772003600000,\"s\":\"BTCUSDT\",\"p\":\"64260.53000000\","
            + "\"ap\":\"64258.90000000\",\n \"i\":\"64231.77812345\",\"P\":\"64240.11223344\",\"r\":\"0.00010000\",\"T\":1772006400000}";

    final MarkPriceParser parser = new MarkPriceParser(new SymbolTable(List.of("BTCUSDT")));
    final MarkPrice mark = new MarkPrice();

    ParseStatus parse(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return parser.parse(bytes, 0, bytes.length, mark);
    }

    @Test
    void examplePayloadParsesToExactValues() {
        assertThat(parse(EXAMPLE)).isEqualTo(ParseStatus.OK);
        assertThat(mark.symbol()).isEqualTo("BTCUSDT");
        assertThat(mark.eventTimeMs()).isEqualTo(1772003600000L);
        assertThat(mark.markPrice()).isEqualTo(new BigDecimal("64260.53000000"));
        assertThat(mark.indexPrice()).isEqualTo(new BigDecimal("64231.77812345"));
        assertThat(mark.fundingRate()).isEqualTo(new BigDecimal("0.00010000"));
        assertThat(mark.nextFundingTimeMs()).isEqualTo(1772006400000L);
    }

    @Test
    void negativeFundingRateIsAccepted() {
        assertThat(parse(EXAMPLE.replace("\"0.00010000\"", "\"-0.00025000\""))).isEqualTo(ParseStatus.OK);
        assertThat(mark.fundingRate()).isEqualTo(new BigDecimal("-0.00025000"));
    }

    @Test
    void payloadWithoutTheNewMarkAverageFieldStillParses() {
        assertThat(parse(EXAMPLE.replace("\"ap\":\"64258.90000000\",", ""))).isEqualTo(ParseStatus.OK);
    }

    @Test
    void negativeMarkPriceIsRejected() {
        assertThat(parse(EXAMPLE.replace("\"64260.53000000\"", "\"-1\""))).isEqualTo(ParseStatus.NEGATIVE_VALUE);
    }

    @Test
    void zeroIndexPriceIsRejected() {
        assertThat(parse(EXAMPLE.replace("\"64231.77812345\"", "\"0\""))).isEqualTo(ParseStatus.NON_POSITIVE_PRICE);
    }

    @Test
    void nanFundingRateIsRejected() {
        assertThat(parse(EXAMPLE.replace("\"0.00010000\"", "\"NaN\""))).isEqualTo(ParseStatus.NOT_A_NUMBER);
    }

    @Test
    void missingNextFundingTimeIsRejected() {
        assertThat(parse(EXAMPLE.replace(",\"T\":1772006400000", ""))).isEqualTo(ParseStatus.MISSING_FIELD);
    }

    @Test
    void bookTickerPayloadOnTheMarkPriceStreamIsRejected() {
        assertThat(parse(EXAMPLE.replace("markPriceUpdate", "bookTicker"))).isEqualTo(ParseStatus.UNEXPECTED_EVENT);
    }

    @Test
    void truncatedPayloadIsRejected() {
        assertThat(parse(EXAMPLE.substring(0, EXAMPLE.length() - 5))).isEqualTo(ParseStatus.TRUNCATED);
    }
}
