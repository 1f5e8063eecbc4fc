package com.novaquant.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import java.util.List;
import java.util.Map;

/**
 * How each desk topic is created: partitions, replication and retention. Services create them on start where the
 * broker lets them (a plaintext broker); on a broker with ACLs no service may, and {@link KafkaAccessProvisioner}
 * creates the same topics as the administrator. The risk-state topics have one partition so that every reader sees
 * their records in the order execution wrote them, and are compacted so that the latest state per key survives.
 */
public final class TopicDefinitions {

    private TopicDefinitions() {
    }

    public static List<NewTopic> all(int partitions, short replicas) {
        return List.of(
                topic(Topics.QUOTES, partitions, replicas, Map.of(TopicConfig.RETENTION_MS_CONFIG, "3600000")),
                topic(Topics.FUNDING, partitions, replicas, Map.of(TopicConfig.RETENTION_MS_CONFIG, "86400000")),
                topic(Topics.SIGNALS, partitions, replicas, Map.of()),
                topic(Topics.EXEC_EVENTS, partitions, replicas, Map.of()),
                topic(Topics.ALERTS, partitions, replicas, Map.of()),
                topic(Topics.CONTROL, 1, replicas, compacted()),
                topic(Topics.FEED_GATES, 1, replicas, compacted()));
    }

    private static Map<String, String> compacted() {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    }

    private static NewTopic topic(String name, int partitions, short replicas, Map<String, String> configs) {
        return new NewTopic(name, partitions, replicas).configs(configs);
    }
}
