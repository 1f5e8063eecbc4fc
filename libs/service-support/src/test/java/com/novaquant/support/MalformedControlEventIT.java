package com.novaquant.support;

import com.novaquant.events.DeskMode;
import com.novaquant.events.EventCodec;
import com.novaquant.events.FeedGate;
import com.novaquant.events.KillSwitchState;
import com.novaquant.events.Topics;
import com.novaquant.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A malformed event on a topic is counted and skipped; the listener goes on with the next record. */
@RealInfrastructure
@SpringBootTest(classes = MalformedControlEventIT.App.class,
        properties = {"spring.application.name=support-it", "spring.config.import=classpath:nova-defaults.yml"})
class MalformedControlEventIT {

    @SpringBootApplication
    static class App {
    }

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    KillSwitchView killSwitch;
    @Autowired
    FeedGateView feedGates;
    @Autowired
    EventDecoder decoder;

    @Test
    void malformedAndUnknownVersionRecordsAreCountedAndSkipped() throws Exception {
        double before = decoder.rejected(Topics.CONTROL);
        kafka.send(Topics.CONTROL, Topics.KILL_SWITCH_KEY, "{not json".getBytes(StandardCharsets.UTF_8)).get();
        String future = EventCodec.encodeToString(new KillSwitchState(DeskMode.HALTED, "from the future", "v2", 1)).replace("\"v\":1", "\"v\":2");
        kafka.send(Topics.CONTROL, Topics.KILL_SWITCH_KEY, future.getBytes(StandardCharsets.UTF_8)).get();
        KillSwitchState good = new KillSwitchState(DeskMode.HALTED, "after garbage", "support-it", System.currentTimeMillis());
        kafka.send(Topics.CONTROL, Topics.KILL_SWITCH_KEY, EventCodec.encode(good)).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> killSwitch.current().equals(good));
        assertThat(decoder.rejected(Topics.CONTROL) - before).isEqualTo(2.0);

        kafka.send(Topics.CONTROL, Topics.KILL_SWITCH_KEY, EventCodec.encode(
                new KillSwitchState(DeskMode.TRADING, "cleanup", "support-it", System.currentTimeMillis() + 1))).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> !killSwitch.engaged());
    }

    @Test
    void feedGatesAreReadFromTheirOwnTopicOnlyAndAMalformedOneIsCountedAndSkipped() throws Exception {
        // Only execution may write nova.control: a gate found there was not written by ingestion and counts for nothing.
        FeedGate misplaced = new FeedGate("SOLUSDT", true, "not on the feed-gates topic", System.currentTimeMillis());
        kafka.send(Topics.CONTROL, misplaced.key(), EventCodec.encode(misplaced)).get();
        double before = decoder.rejected(Topics.FEED_GATES);
        kafka.send(Topics.FEED_GATES, FeedGate.KEY_PREFIX + "BTCUSDT", "{not json".getBytes(StandardCharsets.UTF_8)).get();
        FeedGate gated = new FeedGate("BTCUSDT", true, "after garbage", System.currentTimeMillis());
        kafka.send(Topics.FEED_GATES, gated.key(), EventCodec.encode(gated)).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> feedGates.gated("BTCUSDT"));
        assertThat(feedGates.reason("BTCUSDT")).contains("after garbage");
        assertThat(decoder.rejected(Topics.FEED_GATES) - before).isEqualTo(1.0);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> !feedGates.all().containsKey("SOLUSDT"));

        FeedGate lifted = new FeedGate("BTCUSDT", false, "cleanup", System.currentTimeMillis() + 1);
        kafka.send(Topics.FEED_GATES, lifted.key(), EventCodec.encode(lifted)).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> !feedGates.gated("BTCUSDT"));
    }
}
