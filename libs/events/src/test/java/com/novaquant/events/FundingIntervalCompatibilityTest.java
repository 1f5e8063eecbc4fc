package com.novaquant.events;

import com.novaquant.ids.SignalId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code fundingIntervalHours} was added to {@link FundingRate} after its first release: records written before
 * it, alone or inside a signal, still decode (as unknown), and the field cannot be left out by a current producer.
 */
class FundingIntervalCompatibilityTest {

    /** A funding record exactly as producers wrote it before the field existed. */
    private static final String OLDER_FUNDING = "{\"type\":\"funding\",\"symbol\":\"BTCUSDT\",\"markPrice\":\"64260.53\","
            + "\"indexPrice\":\"64231.778\",\"fundingRate\":\"0.00010000\",\"nextFundingTimeMs\":1772006400000,"
            + "\"exchangeTimeMs\":1772003600000,\"receivedAtMicros\":1772003600010000,\"v\":1}";

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anOlderFundingRecordDecodesWithAnUnknownInterval() {
        FundingRate funding = EventCodec.decode(bytes(OLDER_FUNDING), FundingRate.class);

        assertThat(funding).isEqualTo(new FundingRate("BTCUSDT", new BigDecimal("64260.53"),
                new BigDecimal("64231.778"), new BigDecimal("0.00010000"), 1772006400000L, 1772003600000L,
                1772003600010000L, FundingRate.UNKNOWN_INTERVAL));
        assertThat(funding.fundingIntervalKnown()).isFalse();
    }

    @Test
    void anOlderSignalWithAnOlderFundingRecordInsideDecodes() {
        Signal current = new Signal(new SignalId("sig-1"), "BTCUSDT", new BigDecimal("0.015"), new BigDecimal("963.75"),
                Signal.Reason.CARRY_ABOVE_ENTRY, 0.21, EventCodecTest.SPOT, EventCodecTest.PERP,
                EventCodecTest.FUNDING.withFundingIntervalHours(4), 1_772_000_000_500_000L, 1772000005000L);
        String older = EventCodec.encodeToString(current).replace(",\"fundingIntervalHours\":4", "");
        assertThat(older).doesNotContain("fundingIntervalHours");

        Signal decoded = EventCodec.decode(bytes(older), Signal.class);

        assertThat(decoded.funding()).isEqualTo(EventCodecTest.FUNDING);
        assertThat(decoded.funding().fundingIntervalHours()).isZero();
    }

    @Test
    void theIntervalIsWrittenAndReadBack() {
        FundingRate oneHour = EventCodecTest.FUNDING.withFundingIntervalHours(1);
        String json = EventCodec.encodeToString(oneHour);

        assertThat(json).contains("\"fundingIntervalHours\":1");
        assertThat(EventCodec.decode(bytes(json), FundingRate.class).fundingIntervalHours()).isEqualTo(1);
    }

    @Test
    void anIntervalOutsideZeroToTwentyFourHoursIsMalformed() {
        for (String hours : new String[]{"-1", "25", "null", "\"8h\""}) {
            String json = EventCodec.encodeToString(EventCodecTest.FUNDING.withFundingIntervalHours(8))
                    .replace("\"fundingIntervalHours\":8", "\"fundingIntervalHours\":" + hours);
            assertThatThrownBy(() -> EventCodec.decode(bytes(json))).as(hours)
                    .isInstanceOfSatisfying(EventDecodeException.class,
                            e -> assertThat(e.reason()).isEqualTo(EventDecodeException.Reason.MALFORMED));
        }
        assertThatThrownBy(() -> EventCodecTest.FUNDING.withFundingIntervalHours(25))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherFieldsMissingFromAFundingRecordAreStillRefused() {
        String withoutRate = OLDER_FUNDING.replace("\"fundingRate\":\"0.00010000\",", "");

        assertThatThrownBy(() -> EventCodec.decode(bytes(withoutRate)))
                .isInstanceOfSatisfying(EventDecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(EventDecodeException.Reason.MALFORMED));
    }
}
