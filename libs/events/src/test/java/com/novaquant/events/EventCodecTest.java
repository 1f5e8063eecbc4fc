package com.novaquant.events;

import com.novaquant.ids.ClientOrderId;
import com.novaquant.ids.PairId;
import com.novaquant.ids.SignalId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final Quote SPOT = new Quote("BTCUSDT", Venue.SPOT, new BigDecimal("64250.01000000"), new BigDecimal("0.412"),
            new BigDecimal("64250.02"), new BigDecimal("1.03"), 5123456789L, 0, 1_772_000_000_123_456L);
    static final Quote PERP = new Quote("BTCUSDT", Venue.USDM, new BigDecimal("64251.10"), new BigDecimal("3.412"),
            new BigDecimal("64251.20"), new BigDecimal("0.870"), 8812345678901L, 1772000000456L, 1_772_000_000_460_000L);
    static final FundingRate FUNDING = new FundingRate("BTCUSDT", new BigDecimal("64260.53"), new BigDecimal("64231.778"),
            new BigDecimal("0.00010000"), 1772006400000L, 1772003600000L, 1_772_003_600_010_000L);

    static List<NovaEvent> everyType() {
        return List.of(
                SPOT, PERP, FUNDING, FUNDING.withFundingIntervalHours(4),
                new Signal(new SignalId("sig-1"), "BTCUSDT", new BigDecimal("0.015"), new BigDecimal("963.75"),
                        Signal.Reason.CARRY_ABOVE_ENTRY, 0.21, SPOT, PERP, FUNDING, 1_772_000_000_500_000L, 1772000005000L),
                new OrderEvent(new ClientOrderId("nq-abc-S"), new PairId("pair-1"), new SignalId("sig-1"), "BTCUSDT",
                        Venue.SPOT, Side.BUY, new BigDecimal("0.015"),
                        "FILLED", new BigDecimal("0.015"), new BigDecimal("64250.02"), 0, null, 1L, 2L, 3L),
                new FillEvent(new ClientOrderId("nq-abc-S"), new PairId("pair-1"), "BTCUSDT", Venue.SPOT, Side.BUY,
                        new BigDecimal("0.015"),
                        new BigDecimal("64250.02"), new BigDecimal("0.00001500"), "BTC", 4L),
                new PairEvent(new PairId("pair-1"), "BTCUSDT", "OPEN", new BigDecimal("0.015"),
                        new BigDecimal("-0.015"),
                        new SignalId("sig-1"), 5L),
                new LegRiskEvent(new PairId("pair-1"), "BTCUSDT", Venue.SPOT, Venue.USDM, new BigDecimal("0.015"),
                        "UNWOUND",
                        "LEG RISK DETECTED: Spot Filled, Future Rejected.", 812, 6L),
                new FundingPaymentEvent("BTCUSDT", new BigDecimal("0.0964"), "USDT", 1772006400000L, 77L, 7L),
                new KillSwitchEvent("*", DeskMode.HALTED, "leg risk", "execution-service", 8L),
                Alert.of(Severity.WARNING, "ingestion-service", "FEED_LAG",
                        "WebSocket lag detected (>200ms). Initiating reconnection.", "FEED_LAG:spot-0"),
                new KillSwitchState(DeskMode.HALTED, "operator", "telegram:42", 9L),
                new KillSwitchState(DeskMode.FROZEN, "forged record", "telegram:42", 10L),
                new FeedGate("BTCUSDT", true, "USD-M frames lagging (>200ms)", 11L),
                new SignalSettings(3, SETTINGS, "alert-bridge for telegram:@alice", 12L),
                new MarketScan(13L, List.of(SCANNED)),
                new UniverseSelection(4, 14L, 13L,
                        List.of(new UniverseSelection.Member("SOLUSDT", new BigDecimal("2500.00"), 0.31, 4, "PAIR_CAP")),
                        List.of("DOGEUSDT", "SOLUSDT"), List.of(new UniverseSelection.Departure("DOGEUSDT", "OUTRANKED"))));
    }

    static final MarketScan.ScannedSymbol SCANNED = new MarketScan.ScannedSymbol("SOLUSDT", true,
            new BigDecimal("0.00030000"), 4, new BigDecimal("142.10"), new BigDecimal("310.5"), new BigDecimal("142.11"),
            new BigDecimal("280.2"), new BigDecimal("142.15"), new BigDecimal("900"), new BigDecimal("142.16"),
            new BigDecimal("1100"), new BigDecimal("412000000.12"), new BigDecimal("2100000000.5"));

    @Test
    void aUniverseRefusesAMemberItDoesNotTrackAndARevisionBelowOne() {
        var member = new UniverseSelection.Member("SOLUSDT", BigDecimal.TEN, 0.2, 8, "SHARE");
        assertThatThrownBy(() -> new UniverseSelection(1, 1L, 1L, List.of(member), List.of("BTCUSDT"), List.of()))
                .hasMessageContaining("SOLUSDT is not tracked");
        assertThatThrownBy(() -> new UniverseSelection(0, 1L, 1L, List.of(), List.of(), List.of()))
                .hasMessageContaining("revision");
        UniverseSelection universe = new UniverseSelection(1, 1L, 1L, List.of(member), List.of("BTCUSDT", "SOLUSDT"),
                List.of());
        assertThat(universe.isMember("SOLUSDT")).isTrue();
        assertThat(universe.isMember("BTCUSDT")).isFalse();
        assertThat(universe.isTracked("BTCUSDT")).isTrue();
    }

    @Test
    void aScannedSymbolWithoutABookIsRefused() {
        assertThatThrownBy(() -> new MarketScan.ScannedSymbol("SOLUSDT", true, BigDecimal.ZERO, 8, null,
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE)).hasMessageContaining("SOLUSDT");
    }

    /** Settings as signal-service's {@code GET /admin/config} writes them: numbers, durations, nested objects. */
    static final ObjectNode SETTINGS = (ObjectNode) JSON.readTree("""
            {"entryThresholdApr":0.2,"exitThresholdApr":0.0,"negativeFundingIntervals":2,"cooldown":"PT1M",
             "sizing":{"notionalPerSymbol":2500.0,"totalCap":5000.0},"symbols":{"ETHUSDT":{"fundingIntervalHours":4}}}""");

    @Test
    void signalSettingsCarryTheSettingsObjectAsJsonAndNeedARevisionAnAuthorAndAnObject() {
        SignalSettings settings = new SignalSettings(7, SETTINGS, "operator", 1772000000000L);
        String json = EventCodec.encodeToString(settings);
        assertThat(json).contains("\"type\":\"signal-settings\"").contains("\"revision\":7")
                .contains("\"settings\":{\"entryThresholdApr\":0.2").contains("\"cooldown\":\"PT1M\"")
                .contains("\"by\":\"operator\"");
        SignalSettings back = EventCodec.decode(json.getBytes(StandardCharsets.UTF_8), SignalSettings.class);
        assertThat(back).isEqualTo(settings);
        assertThat(back.key()).isEqualTo(SignalSettings.KEY);
        assertThat(back.settings().get("sizing").get("notionalPerSymbol").asDouble()).isEqualTo(2500.0);

        // The record keeps its own copy: neither the object given nor the one returned changes it.
        ObjectNode given = SETTINGS.deepCopy();
        SignalSettings kept = new SignalSettings(1, given, "operator", 1L);
        given.put("entryThresholdApr", 0.9);
        ((ObjectNode) kept.settings()).put("entryThresholdApr", 0.8);
        assertThat(kept.settings().get("entryThresholdApr").asDouble()).isEqualTo(0.2);

        ObjectNode encoded = (ObjectNode) JSON.readTree(json);
        List<ObjectNode> bad = List.of(encoded.deepCopy().put("revision", 0), encoded.deepCopy().put("by", " "),
                encoded.deepCopy().putNull("by"), encoded.deepCopy().putNull("settings"),
                encoded.deepCopy().put("settings", "x"), (ObjectNode) encoded.deepCopy().set("settings", JSON.readTree("[1]")));
        for (ObjectNode node : bad) {
            assertThatThrownBy(() -> EventCodec.decode(JSON.writeValueAsBytes(node), SignalSettings.class))
                    .as(node.toString()).isInstanceOfSatisfying(EventDecodeException.class,
                            e -> assertThat(e.reason()).isEqualTo(EventDecodeException.Reason.MALFORMED));
        }
    }

    @Test
    void everyEventTypeRoundTripsWithTypeAndVersion() {
        for (NovaEvent event : everyType()) {
            String json = EventCodec.encodeToString(event);
            assertThat(json).contains("\"type\":").contains("\"v\":1");
            assertThat(EventCodec.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(event);
        }
    }

    @Test
    void decimalsAreWrittenAsStringsAndKeptExact() {
        String json = EventCodec.encodeToString(SPOT);
        assertThat(json).contains("\"bidPrice\":\"64250.01000000\"");
        Quote back = EventCodec.decode(json.getBytes(StandardCharsets.UTF_8), Quote.class);
        assertThat(back.bidPrice()).isEqualByComparingTo("64250.01").hasToString("64250.01000000");
    }

    @Test
    void latencyFieldsAreCarriedFromQuoteToSignal() {
        Signal signal = (Signal) everyType().get(4);
        Signal back = EventCodec.decode(EventCodec.encode(signal), Signal.class);
        assertThat(back.spot().receivedAtMicros()).isEqualTo(1_772_000_000_123_456L);
        assertThat(back.perp().exchangeTimeMs()).isEqualTo(1772000000456L);
        assertThat(back.tickReceivedAtMicros()).isEqualTo(1_772_000_000_460_000L);
    }

    @Test
    void unknownVersionIsATypedError() {
        // The second one, too large for an int, once escaped as a JsonNodeException and stalled a consumer.
        for (String version : List.of("2", "99999999999999999999999999999")) {
            String json = EventCodec.encodeToString(SPOT).replace("\"v\":1", "\"v\":" + version);
            assertThatThrownBy(() -> EventCodec.decode(json.getBytes(StandardCharsets.UTF_8))).as(version)
                    .isInstanceOfSatisfying(EventDecodeException.class,
                            e -> assertThat(e.reason()).isEqualTo(EventDecodeException.Reason.UNSUPPORTED_VERSION));
        }
    }

    /**
     * A reason added by a newer signal service (an older execution does not know it) is a decode error, counted and
     * skipped by the reader: never taken for another reason.
     */
    @Test
    void aSignalWithAReasonThisBuildDoesNotKnowIsMalformed() {
        ObjectNode signal = (ObjectNode) JSON.readTree(EventCodec.encode(everyType().get(4)));
        signal.put("reason", "REASON_OF_A_NEWER_BUILD");

        assertThatThrownBy(() -> EventCodec.decode(JSON.writeValueAsBytes(signal), Signal.class))
                .isInstanceOfSatisfying(EventDecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(EventDecodeException.Reason.MALFORMED));
    }

    /** Typed ids change nothing on the wire: a consumer of an older build reads the same bare strings. */
    @Test
    void identifiersAreWrittenAsBareStrings() {
        String order = EventCodec.encodeToString(everyType().get(5));
        assertThat(order).contains("\"clientOrderId\":\"nq-abc-S\"").contains("\"pairId\":\"pair-1\"")
                .contains("\"signalId\":\"sig-1\"");
        assertThat(EventCodec.encodeToString(everyType().get(4))).contains("\"signalId\":\"sig-1\"");
    }

    /** An id no exchange or log line should carry is refused when read, counted and skipped like any bad payload. */
    @Test
    void aSignalOrOrderWithAnUnusableIdIsMalformed() {
        ObjectNode signal = (ObjectNode) JSON.readTree(EventCodec.encode(everyType().get(4)));
        ObjectNode order = (ObjectNode) JSON.readTree(EventCodec.encode(everyType().get(5)));
        List<ObjectNode> bad = List.of(signal.deepCopy().put("signalId", ""),
                signal.deepCopy().put("signalId", "sig-1\nFORGED log line"), signal.deepCopy().put("signalId", 7),
                signal.deepCopy().put("signalId", "s".repeat(SignalId.MAX_LENGTH + 1)),
                order.deepCopy().put("clientOrderId", "nq abc"), order.deepCopy().put("clientOrderId", "nq-é"),
                order.deepCopy().put("clientOrderId", "x".repeat(ClientOrderId.MAX_LENGTH + 1)),
                order.deepCopy().put("pairId", "pair 1"));
        for (ObjectNode node : bad) {
            assertThatThrownBy(() -> EventCodec.decode(JSON.writeValueAsBytes(node))).as(node.toString())
                    .isInstanceOfSatisfying(EventDecodeException.class,
                            e -> assertThat(e.reason()).isEqualTo(EventDecodeException.Reason.MALFORMED));
        }
    }

    @Test
    void malformedPayloadsAreTypedErrors() {
        List<String> bad = List.of("", "{", "[]", "42", "{\"type\":\"quote\"}", "{\"type\":\"quote\",\"v\":1,\"symbol\":5}",
                "{\"type\":\"quote\",\"v\":1,\"symbol\":\"BTCUSDT\",\"venue\":\"MOON\"}",
                "{\"v\":1}", "not json at all");
        for (String payload : bad) {
            assertThatThrownBy(() -> EventCodec.decode(payload.getBytes(StandardCharsets.UTF_8)))
                    .as(payload).isInstanceOf(EventDecodeException.class);
        }
    }

    /**
     * {@code "1E+999999999"} is twelve characters; added exactly to another price it is a billion-digit number, and a
     * consumer computing that (execution's marks, under the desk's lock) stops for minutes. It is refused at decoding.
     */
    @Test
    void aDecimalWithAHugeExponentIsRefusedWhenDecodedNotCarriedIntoArithmetic() {
        ObjectNode signal = (ObjectNode) JSON.readTree(EventCodec.encode(everyType().get(4)));
        for (String hostile : List.of("1E+999999999", "1E-999999999", "1" + "0".repeat(60), "0." + "0".repeat(60) + "1")) {
            signal.put("targetBaseQty", hostile);
            byte[] payload = JSON.writeValueAsBytes(signal);
            assertThatThrownBy(() -> EventCodec.decode(payload, Signal.class)).as(hostile)
                    .isInstanceOfSatisfying(EventDecodeException.class,
                            e -> assertThat(e.reason()).isEqualTo(EventDecodeException.Reason.MALFORMED));
        }
        signal.put("targetBaseQty", "0.015");
        assertThat(EventCodec.decode(JSON.writeValueAsBytes(signal), Signal.class).targetBaseQty())
                .isEqualByComparingTo("0.015");
    }

    @Test
    void unknownTypeAndUnexpectedTypeAreDistinguished() {
        assertThatThrownBy(() -> EventCodec.decode("{\"type\":\"moon\",\"v\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(EventDecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(EventDecodeException.Reason.UNKNOWN_TYPE));
        assertThatThrownBy(() -> EventCodec.decode(EventCodec.encode(FUNDING), Quote.class))
                .isInstanceOfSatisfying(EventDecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(EventDecodeException.Reason.UNEXPECTED_TYPE));
    }

    @Property(tries = 300)
    void arbitraryBytesNeverEscapeAsAnythingButADecodeError(@ForAll byte[] payload) {
        try {
            EventCodec.decode(payload);
        } catch (EventDecodeException expected) {
            // counted and skipped by consumers
        }
    }

    /** Hostile values a producer bug or an attacker could put in any field. */
    static final List<String> HOSTILE = List.of("NaN", "-1", "1e400", "-0", "99999999999999999999999999999",
            "-99999999999999999999999999999", "\"x\"", "null", "[]", "{}", "true", "\"\\u0000\"", "1.5", "\"1e999999999\"");

    @Property(tries = 1000)
    void anyFieldOfAnyEventReplacedByAHostileValueDecodesOrIsADecodeError(
            @ForAll @IntRange(min = 0, max = 15) int eventIndex, @ForAll @IntRange(min = 0, max = 40) int fieldIndex,
            @ForAll @IntRange(min = 0, max = 13) int hostileIndex) {
        ObjectNode node = (ObjectNode) JSON.readTree(EventCodec.encode(everyType().get(eventIndex)));
        List<String> fields = new java.util.ArrayList<>(node.propertyNames());
        String field = fields.get(fieldIndex % fields.size());
        node.put(field, "__HOSTILE__");
        String payload = JSON.writeValueAsString(node).replace("\"__HOSTILE__\"", HOSTILE.get(hostileIndex));
        try {
            EventCodec.decode(payload.getBytes(StandardCharsets.UTF_8));
        } catch (EventDecodeException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }
}
