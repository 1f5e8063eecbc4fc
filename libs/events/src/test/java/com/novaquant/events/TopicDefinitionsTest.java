package com.novaquant.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicDefinitionsTest {

    /** One partition, compacted: the latest record per key survives and every reader sees the writer's order. */
    private static final Set<String> STATE_TOPICS =
            Set.of(Topics.CONTROL, Topics.FEED_GATES, Topics.SIGNAL_SETTINGS, Topics.UNIVERSE);

    @Test
    void everyDeskTopicIsDefinedOnceWithTheReplicationAsked() {
        List<NewTopic> topics = TopicDefinitions.all(6, (short) 3);
        assertThat(topics).extracting(NewTopic::name).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(topics).allSatisfy(topic -> assertThat(topic.replicationFactor()).isEqualTo((short) 3));
    }

    @Test
    void theStateTopicsKeepOnePartitionAndTheLatestRecordPerKey() {
        for (NewTopic topic : TopicDefinitions.all(6, (short) 3)) {
            boolean state = STATE_TOPICS.contains(topic.name());
            boolean single = state || topic.name().equals(Topics.MARKET_SCAN);
            assertThat(topic.numPartitions()).as(topic.name()).isEqualTo(single ? 1 : 6);
            assertThat(topic.configs().get(TopicConfig.CLEANUP_POLICY_CONFIG)).as(topic.name())
                    .isEqualTo(state ? TopicConfig.CLEANUP_POLICY_COMPACT : null);
        }
    }

    @Test
    void minInSyncReplicasIsTwoFromThreeReplicasAndOneLessThanTheReplicasBelowThatButNeverUnderOne() {
        assertThat(TopicDefinitions.minInSyncReplicas((short) 1)).isEqualTo(1);
        assertThat(TopicDefinitions.minInSyncReplicas((short) 2)).isEqualTo(1);
        assertThat(TopicDefinitions.minInSyncReplicas((short) 3)).isEqualTo(2);
        assertThat(TopicDefinitions.minInSyncReplicas((short) 4)).isEqualTo(2);
        assertThat(TopicDefinitions.minInSyncReplicas((short) 5)).isEqualTo(2);
    }

    @Test
    void everyTopicCarriesTheMinInSyncReplicasOfItsReplication() {
        for (short replicas : new short[]{1, 2, 3, 5}) {
            String expected = String.valueOf(TopicDefinitions.minInSyncReplicas(replicas));
            assertThat(TopicDefinitions.all(3, replicas)).allSatisfy(topic -> assertThat(
                    topic.configs().get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG)).as(topic.name()).isEqualTo(expected));
        }
        // The retention of the market-data topics is kept beside it.
        assertThat(TopicDefinitions.all(3, (short) 3)).filteredOn(topic -> topic.name().equals(Topics.QUOTES))
                .singleElement().satisfies(topic -> assertThat(topic.configs())
                        .containsEntry(TopicConfig.RETENTION_MS_CONFIG, "3600000")
                        .containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"));
    }

    @Test
    void aDeploymentsTopicSettingsAreLaidOverTheDesksAndOnlyForDeskTopics() {
        List<NewTopic> topics = TopicDefinitions.all(3, (short) 3, Map.of(Topics.QUOTES,
                Map.of(TopicConfig.RETENTION_MS_CONFIG, "7200000", TopicConfig.SEGMENT_MS_CONFIG, "600000")));

        assertThat(topics).filteredOn(topic -> topic.name().equals(Topics.QUOTES)).singleElement()
                .satisfies(topic -> assertThat(topic.configs())
                        .containsEntry(TopicConfig.RETENTION_MS_CONFIG, "7200000")
                        .containsEntry(TopicConfig.SEGMENT_MS_CONFIG, "600000")
                        .containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"));
        assertThat(topics).filteredOn(topic -> topic.name().equals(Topics.FUNDING)).singleElement()
                .satisfies(topic -> assertThat(topic.configs()).containsEntry(TopicConfig.RETENTION_MS_CONFIG, "86400000"));
        assertThatThrownBy(() -> TopicDefinitions.all(3, (short) 3, Map.of("nova.qoutes", Map.of("retention.ms", "1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nova.qoutes, which is not a desk topic");
        assertThatThrownBy(() -> TopicDefinitions.all(3, (short) 3, Map.of(Topics.QUOTES, Map.of("replication.factor", "5"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replication.factor");
    }

    @Test
    void theEnvironmentsOneLineFormReadsEveryEntryAndQuotesABadOne() {
        assertThat(TopicConfigOverrides.parse(" nova.md.quotes:retention.ms=7200000, nova.md.quotes:segment.ms=600000,"
                + "nova.exec.events:retention.ms=2592000000 ,")).isEqualTo(Map.of(
                Topics.QUOTES, Map.of("retention.ms", "7200000", "segment.ms", "600000"),
                Topics.EXEC_EVENTS, Map.of("retention.ms", "2592000000")));
        assertThat(TopicConfigOverrides.parse(null)).isEmpty();
        assertThat(TopicConfigOverrides.parse("  ")).isEmpty();
        for (String bad : List.of("nova.quotes", "nova.quotes:retention.ms", ":retention.ms=1", "nova.quotes:=1",
                "nova.quotes:retention.ms=")) {
            assertThatThrownBy(() -> TopicConfigOverrides.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not topic:key=value");
        }
    }
}
