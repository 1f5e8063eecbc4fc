package com.novaquant.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How each desk topic is created: partitions, replication and retention. Services create them on start where the
 * broker lets them (a plaintext broker); on a broker with ACLs no service may, and {@link KafkaAccessProvisioner}
 * creates the same topics as the administrator. The risk-state topics and the signal settings have one partition so
 * that every reader sees their records in the order they were written, and are compacted so that the latest state per
 * key survives.
 * <p>
 * Every topic sets {@code min.insync.replicas} from its replication ({@link #minInSyncReplicas}): with three replicas
 * or more a write acknowledged by the desk's producers ({@code acks=all}) is on at least two brokers, so losing one
 * broker loses no acknowledged record, and one broker down still leaves the topic writable.
 */
public final class TopicDefinitions {

    private TopicDefinitions() {
    }

    public static List<NewTopic> all(int partitions, short replicas) {
        return all(partitions, replicas, Map.of());
    }

    /**
     * As {@link #all(int, short)}, with topic settings of the deployment's own laid over the desk's (a longer
     * retention, say): {@code overrides} maps a desk topic to the settings that replace or add to its own.
     *
     * @throws IllegalArgumentException naming a topic that is not the desk's, or the partitions or replication
     *                                  (which {@code partitions} and {@code replicas} set)
     */
    public static List<NewTopic> all(int partitions, short replicas, Map<String, Map<String, String>> overrides) {
        overrides.forEach((topic, configs) -> {
            if (!Topics.ALL.contains(topic)) {
                throw new IllegalArgumentException("topic settings for " + topic + ", which is not a desk topic "
                        + Topics.ALL);
            }
            configs.keySet().forEach(key -> {
                if (key.isBlank() || key.equals("num.partitions") || key.equals("replication.factor")) {
                    throw new IllegalArgumentException("topic setting '" + key + "' of " + topic + " is not a topic "
                            + "configuration (partitions and replication are set for every topic)");
                }
            });
        });
        return definitions(partitions, replicas).stream().map(topic -> {
            Map<String, String> extra = overrides.get(topic.name());
            if (extra == null || extra.isEmpty()) {
                return topic;
            }
            Map<String, String> configs = new HashMap<>(topic.configs());
            configs.putAll(extra);
            return new NewTopic(topic.name(), topic.numPartitions(), topic.replicationFactor()).configs(Map.copyOf(configs));
        }).toList();
    }

    private static List<NewTopic> definitions(int partitions, short replicas) {
        return List.of(
                topic(Topics.QUOTES, partitions, replicas, Map.of(TopicConfig.RETENTION_MS_CONFIG, "3600000")),
                topic(Topics.FUNDING, partitions, replicas, Map.of(TopicConfig.RETENTION_MS_CONFIG, "86400000")),
                topic(Topics.SIGNALS, partitions, replicas, Map.of()),
                topic(Topics.EXEC_EVENTS, partitions, replicas, Map.of()),
                topic(Topics.ALERTS, partitions, replicas, Map.of()),
                topic(Topics.CONTROL, 1, replicas, compacted()),
                topic(Topics.FEED_GATES, 1, replicas, compacted()),
                topic(Topics.SIGNAL_SETTINGS, 1, replicas, compacted()),
                topic(Topics.MARKET_SCAN, 1, replicas, Map.of(TopicConfig.RETENTION_MS_CONFIG, "3600000")),
                topic(Topics.UNIVERSE, 1, replicas, compacted()));
    }

    /**
     * The {@code min.insync.replicas} of a topic with this many replicas: 2 from three replicas up, so an acknowledged
     * write survives the loss of a broker while one broker may be down; one less than the replicas below that
     * ({@code min(2, replicas - 1)}), never under 1, so a topic with two replicas stays writable with one broker down.
     */
    public static int minInSyncReplicas(short replicas) {
        return Math.max(1, Math.min(2, replicas - 1));
    }

    private static Map<String, String> compacted() {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    }

    private static NewTopic topic(String name, int partitions, short replicas, Map<String, String> configs) {
        Map<String, String> all = new HashMap<>(configs);
        all.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInSyncReplicas(replicas)));
        return new NewTopic(name, partitions, replicas).configs(Map.copyOf(all));
    }
}
