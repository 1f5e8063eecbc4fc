package com.novaquant.events;

import org.junit.jupiter.api.Test;

import java.util.List;

import static com.novaquant.events.DeskPrincipal.ALERT;
import static com.novaquant.events.DeskPrincipal.EXECUTION;
import static com.novaquant.events.DeskPrincipal.INGESTION;
import static com.novaquant.events.DeskPrincipal.SIGNAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicAccessTest {

    @Test
    void everyDeskTopicHasExactlyOneRule() {
        assertThat(TopicAccess.RULES).extracting(TopicAccess.Rule::topic).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @Test
    void onlySignalWritesSignals() {
        assertThat(TopicAccess.of(Topics.SIGNALS).writers()).containsExactly(SIGNAL);
    }

    @Test
    void onlyExecutionWritesControlAndTheAuditTrail() {
        assertThat(TopicAccess.of(Topics.CONTROL).writers()).containsExactly(EXECUTION);
        assertThat(TopicAccess.of(Topics.EXEC_EVENTS).writers()).containsExactly(EXECUTION);
    }

    @Test
    void onlyIngestionWritesMarketData() {
        assertThat(TopicAccess.of(Topics.QUOTES).writers()).containsExactly(INGESTION);
        assertThat(TopicAccess.of(Topics.FUNDING).writers()).containsExactly(INGESTION);
    }

    @Test
    void everyServiceReadsTheDeskModeAndTheFeedGates() {
        assertThat(TopicAccess.of(Topics.CONTROL).readers())
                .containsExactlyInAnyOrder(INGESTION, SIGNAL, EXECUTION, ALERT);
        assertThat(TopicAccess.of(Topics.FEED_GATES).readers())
                .containsExactlyInAnyOrder(INGESTION, SIGNAL, EXECUTION, ALERT);
    }

    @Test
    void onlyIngestionWritesTheFeedGatesOnATopicOfTheirOwn() {
        assertThat(Topics.FEED_GATES).isNotEqualTo(Topics.CONTROL);
        assertThat(TopicAccess.of(Topics.FEED_GATES).writers()).containsExactly(INGESTION);
        assertThat(TopicAccess.mayWrite(INGESTION, Topics.CONTROL)).isFalse();
        assertThat(TopicAccess.mayWrite(EXECUTION, Topics.FEED_GATES)).isFalse();
    }

    @Test
    void onlySignalWritesAndReadsItsSettings() {
        assertThat(TopicAccess.of(Topics.SIGNAL_SETTINGS).writers()).containsExactly(SIGNAL);
        assertThat(TopicAccess.of(Topics.SIGNAL_SETTINGS).readers()).containsExactly(SIGNAL);
        assertThat(TopicAccess.mayWrite(EXECUTION, Topics.SIGNAL_SETTINGS)).isFalse();
        assertThat(TopicAccess.mayRead(EXECUTION, Topics.SIGNAL_SETTINGS)).isFalse();
    }

    @Test
    void theServicesThatRaiseAlertsWriteAlertsAndOnlyTheSentinelReadsThem() {
        assertThat(TopicAccess.of(Topics.ALERTS).writers()).containsExactlyInAnyOrder(INGESTION, EXECUTION, ALERT);
        assertThat(TopicAccess.of(Topics.ALERTS).readers()).containsExactly(ALERT);
        assertThat(TopicAccess.mayWrite(SIGNAL, Topics.ALERTS)).isFalse();
    }

    @Test
    void principalsAreKafkaUsersNamedAfterTheirService() {
        assertThat(SIGNAL.principal()).isEqualTo("User:signal");
        assertThat(DeskPrincipal.ofUsername("execution")).isEqualTo(EXECUTION);
        assertThat(EXECUTION.consumerGroupPrefixes()).isEqualTo(List.of("execution-service"));
        assertThatThrownBy(() -> DeskPrincipal.ofUsername("admin")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyIngestionWritesTheMarketScanAndOnlySignalWritesTheUniverseWhichEveryServiceFollows() {
        assertThat(TopicAccess.of(Topics.MARKET_SCAN).writers()).containsExactly(INGESTION);
        assertThat(TopicAccess.of(Topics.MARKET_SCAN).readers()).containsExactly(SIGNAL);
        assertThat(TopicAccess.of(Topics.UNIVERSE).writers()).containsExactly(SIGNAL);
        assertThat(TopicAccess.of(Topics.UNIVERSE).readers())
                .containsExactlyInAnyOrder(INGESTION, SIGNAL, EXECUTION, ALERT);
    }
}
