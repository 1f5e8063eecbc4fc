package com.novaquant.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TopicDefinitionsTest {

    /** One partition, compacted: the latest record per key survives and every reader sees the writer's order. */
    private static final Set<String> STATE_TOPICS = Set.of(Topics.CONTROL, Topics.FEED_GATES, Topics.SIGNAL_SETTINGS);

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
            assertThat(topic.numPartitions()).as(topic.name()).isEqualTo(state ? 1 : 6);
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
}
