package com.novaquant.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TopicDefinitionsTest {

    @Test
    void everyDeskTopicIsDefinedOnceWithTheReplicationAsked() {
        List<NewTopic> topics = TopicDefinitions.all(6, (short) 3);
        assertThat(topics).extracting(NewTopic::name).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(topics).allSatisfy(topic -> assertThat(topic.replicationFactor()).isEqualTo((short) 3));
    }

    @Test
    void theRiskStateTopicsKeepOnePartitionAndTheLatestRecordPerKey() {
        for (NewTopic topic : TopicDefinitions.all(6, (short) 3)) {
            boolean riskState = topic.name().equals(Topics.CONTROL) || topic.name().equals(Topics.FEED_GATES);
            assertThat(topic.numPartitions()).isEqualTo(riskState ? 1 : 6);
            assertThat(topic.configs().get(TopicConfig.CLEANUP_POLICY_CONFIG))
                    .isEqualTo(riskState ? TopicConfig.CLEANUP_POLICY_COMPACT : null);
        }
    }
}
