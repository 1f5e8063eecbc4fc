package com.novaquant.signal;

import com.novaquant.events.DeskMode;
import com.novaquant.events.EpochMicros;
import com.novaquant.events.EventCodec;
import com.novaquant.events.FeedGate;
import com.novaquant.events.FundingRate;
import com.novaquant.events.KillSwitchState;
import com.novaquant.events.NovaEvent;
import com.novaquant.events.Quote;
import com.novaquant.events.Topics;
import com.novaquant.events.Venue;
import org.springframework.kafka.core.KafkaTemplate;

import java.math.BigDecimal;

/**
 * What ingestion and the operators publish, over real Kafka, for the integration tests: book tops, funding, the
 * desk mode and feed gates. The clocks are shared by every test of the JVM because the service's state is: its
 * funding tracker ignores an interval older than the one it holds, and the control views keep the newest record.
 */
final class KafkaDesk {

    private static final long EIGHT_HOURS_MS = 28_800_000;
    private static long nextFundingTimeMs = System.currentTimeMillis() / EIGHT_HOURS_MS * EIGHT_HOURS_MS + EIGHT_HOURS_MS;
    private static long lastControlAtMs;

    private final KafkaTemplate<String, byte[]> kafka;

    KafkaDesk(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    /**
     * Books on which 0.0002 per 8 h neither opens nor closes (net carry 0.052, hold carry 0.115), 0.001 is a spike
     * (net 0.93) and 0.00002 closes (hold −0.082): perp 3 bp over spot.
     */
    void books(String symbol) {
        long now = EpochMicros.now();
        send(Topics.QUOTES, new Quote(symbol, Venue.SPOT, new BigDecimal("99990"), BigDecimal.ONE,
                new BigDecimal("100000"), BigDecimal.ONE, 1, 0, now));
        send(Topics.QUOTES, new Quote(symbol, Venue.USDM, new BigDecimal("100030"), BigDecimal.ONE,
                new BigDecimal("100040"), BigDecimal.ONE, 1, System.currentTimeMillis(), now));
    }

    /** The predicted rate of the current funding interval. */
    void funding(String symbol, String rate) {
        send(Topics.FUNDING, new FundingRate(symbol, new BigDecimal("100035"), new BigDecimal("100000"),
                new BigDecimal(rate), fundingTimeMs(), System.currentTimeMillis(), EpochMicros.now()));
    }

    /** The current interval settles (at the last rate published) and the next one starts at this rate. */
    void settle(String symbol, String rate) {
        synchronized (KafkaDesk.class) {
            nextFundingTimeMs += EIGHT_HOURS_MS;
        }
        funding(symbol, rate);
    }

    void deskMode(DeskMode mode, String reason) {
        send(Topics.CONTROL, new KillSwitchState(mode, reason, "signal-it", controlAtMs()));
    }

    void feedGate(String symbol, boolean gated, String reason) {
        send(Topics.FEED_GATES, new FeedGate(symbol, gated, reason, controlAtMs()));
    }

    void send(String topic, NovaEvent event) {
        try {
            kafka.send(topic, event.key(), EventCodec.encode(event)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + event, e);
        }
    }

    private static synchronized long fundingTimeMs() {
        return nextFundingTimeMs;
    }

    /** Strictly increasing, so that the newest record always wins in the views, even within one millisecond. */
    private static synchronized long controlAtMs() {
        lastControlAtMs = Math.max(System.currentTimeMillis(), lastControlAtMs + 1);
        return lastControlAtMs;
    }
}
