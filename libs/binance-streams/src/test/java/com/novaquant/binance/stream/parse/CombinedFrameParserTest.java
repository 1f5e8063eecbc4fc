package com.novaquant.binance.stream.parse;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CombinedFrameParserTest {

    final SymbolTable symbols = new SymbolTable(List.of("BTCUSDT", "ETHUSDT"));
    final StreamKey btcTicker = new StreamKey(0, "btcusdt@bookTicker", "BTCUSDT", StreamType.BOOK_TICKER);
    final StreamKey ethTicker = new StreamKey(1, "ethusdt@bookTicker", "ETHUSDT", StreamType.BOOK_TICKER);
    final StreamKey btcMark = new StreamKey(2, "btcusdt@markPrice@1s", "BTCUSDT", StreamType.MARK_PRICE);
    final CombinedFrameParser usdm = new CombinedFrameParser(new StreamTable(List.of(btcTicker, ethTicker, btcMark)), symbols, true, 4096);
    final CombinedFrameParser spot = new CombinedFrameParser(new StreamTable(List.of(btcTicker, ethTicker)), symbols, false, 4096);

    static FrameType parse(CombinedFrameParser parser, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return parser.parse(bytes, 0, bytes.length);
    }

    static String wrap(String stream, String data) {
        return "{\"stream\":\"" + stream + "\",\"data\":" + data + "}";
    }

    @Test
    void envelopeIsUnwrappedAndTheStreamResolved() {
        String frame = wrap("btcusdt@bookTicker", BookTickerParserTest.USDM);
        assertThat(parse(usdm, frame)).isEqualTo(FrameType.BOOK_TICKER);
        assertThat(usdm.stream()).isEqualTo(btcTicker);
        assertThat(usdm.bookTicker().askQty()).isEqualTo(new BigDecimal("0.870"));
        assertThat(frame.substring(usdm.dataOffset(), usdm.dataOffset() + usdm.dataLength())).isEqualTo(BookTickerParserTest.USDM);
    }

    @Test
    void markPriceFrameIsParsed() {
        assertThat(parse(usdm, wrap("btcusdt@markPrice@1s", MarkPriceParserTest.EXAMPLE))).isEqualTo(FrameType.MARK_PRICE);
        assertThat(usdm.markPrice().fundingRate()).isEqualTo(new BigDecimal("0.00010000"));
    }

    @Test
    void dataBeforeStreamNameIsParsedAfterTheEnvelope() {
        String frame = "{\"data\":" + BookTickerParserTest.SPOT + ",\"stream\":\"btcusdt@bookTicker\"}";
        assertThat(parse(spot, frame)).isEqualTo(FrameType.BOOK_TICKER);
        assertThat(spot.bookTicker().bidPrice()).isEqualTo(new BigDecimal("64250.01000000"));
    }

    @Test
    void serverShutdownIsRecognised() {
        assertThat(parse(spot, "{\"stream\":\"!serverShutdown\",\"data\":{\"e\":\"serverShutdown\",\"E\":1772000000000}}"))
                .isEqualTo(FrameType.SERVER_SHUTDOWN);
    }

    @Test
    void subscriptionReplyIsAControlReply() {
        assertThat(parse(spot, "{\"result\":null,\"id\":7}")).isEqualTo(FrameType.CONTROL_REPLY);
        assertThat(spot.replyId()).isEqualTo(7);
        assertThat(spot.replyError()).isFalse();
    }

    @Test
    void errorAnswerIsAControlReplyWithItsIdAndMarkedAsError() {
        assertThat(parse(spot, "{\"code\":2,\"msg\":\"Invalid request\",\"id\":12}")).isEqualTo(FrameType.CONTROL_REPLY);
        assertThat(spot.replyId()).isEqualTo(12);
        assertThat(spot.replyError()).isTrue();
        assertThat(parse(spot, "{\"code\":3,\"msg\":\"Invalid JSON\",\"id\":null}")).isEqualTo(FrameType.CONTROL_REPLY);
        assertThat(spot.replyId()).isEqualTo(CombinedFrameParser.NO_ID);
        assertThat(spot.replyError()).isTrue();
    }

    @Test
    void tablesGrowAndShrinkUnderAParserAlreadyInUse() {
        StreamTable streams = new StreamTable(List.of(btcTicker));
        SymbolTable table = new SymbolTable(List.of("BTCUSDT"));
        CombinedFrameParser parser = new CombinedFrameParser(streams, table, false, 4096);
        String eth = wrap("ethusdt@bookTicker", BookTickerParserTest.SPOT.replace("BTCUSDT", "ETHUSDT"));
        assertThat(parse(parser, eth)).isEqualTo(FrameType.REJECTED);
        assertThat(parser.rejection()).isEqualTo(ParseStatus.UNKNOWN_STREAM);

        table.add(List.of("ETHUSDT"));
        streams.add(List.of(ethTicker));
        assertThat(parse(parser, eth)).isEqualTo(FrameType.BOOK_TICKER);
        assertThat(parser.bookTicker().symbol()).isEqualTo("ETHUSDT");

        streams.remove(List.of(btcTicker));
        table.remove(List.of("BTCUSDT"));
        assertThat(parse(parser, wrap("btcusdt@bookTicker", BookTickerParserTest.SPOT))).isEqualTo(FrameType.REJECTED);
        assertThat(parser.rejection()).isEqualTo(ParseStatus.UNKNOWN_STREAM);
        assertThat(parse(parser, eth)).isEqualTo(FrameType.BOOK_TICKER);
    }

    @Test
    void streamNotSubscribedOnThisConnectionIsRejected() {
        assertThat(parse(spot, wrap("solusdt@bookTicker", BookTickerParserTest.SPOT))).isEqualTo(FrameType.REJECTED);
        assertThat(spot.rejection()).isEqualTo(ParseStatus.UNKNOWN_STREAM);
    }

    @Test
    void payloadForAnotherSymbolThanItsStreamIsRejected() {
        assertThat(parse(spot, wrap("ethusdt@bookTicker", BookTickerParserTest.SPOT))).isEqualTo(FrameType.REJECTED);
        assertThat(spot.rejection()).isEqualTo(ParseStatus.SYMBOL_MISMATCH);
    }

    @Test
    void payloadErrorInsideTheEnvelopeCarriesItsReason() {
        assertThat(parse(spot, wrap("btcusdt@bookTicker", BookTickerParserTest.SPOT.replace("64250.01000000", "NaN"))))
                .isEqualTo(FrameType.REJECTED);
        assertThat(spot.rejection()).isEqualTo(ParseStatus.NOT_A_NUMBER);
    }

    @Test
    void envelopeWithoutDataIsRejected() {
        assertThat(parse(spot, "{\"stream\":\"btcusdt@bookTicker\"}")).isEqualTo(FrameType.REJECTED);
        assertThat(spot.rejection()).isEqualTo(ParseStatus.MISSING_FIELD);
    }

    @Test
    void oversizedFrameIsRejectedUnread() {
        assertThat(parse(spot, wrap("btcusdt@bookTicker", BookTickerParserTest.SPOT) + " ".repeat(5000))).isEqualTo(FrameType.REJECTED);
        assertThat(spot.rejection()).isEqualTo(ParseStatus.TOO_LARGE);
    }
}
