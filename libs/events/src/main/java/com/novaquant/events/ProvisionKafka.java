package com.novaquant.events;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.security.auth.SecurityProtocol;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sets a secured broker up for the desk, once per install or upgrade (the chart's provisioning Job, compose's
 * {@code kafka-setup}): creates the desk's topics and ACLs as the broker's administrator. Configured by environment
 * only, so no password appears on a command line:
 *
 * <ul>
 *   <li>{@code NOVA_KAFKA_BOOTSTRAP_SERVERS} (required)</li>
 *   <li>{@code NOVA_KAFKA_ADMIN_USERNAME}, {@code NOVA_KAFKA_ADMIN_PASSWORD} (required): a SCRAM user the broker
 *   treats as a super user (MSK: the user named in the cluster's ACL administration)</li>
 *   <li>{@code NOVA_KAFKA_SECURITY_PROTOCOL}: {@code SASL_SSL} (default) or {@code SASL_PLAINTEXT}</li>
 *   <li>{@code NOVA_KAFKA_PARTITIONS} (default 3), {@code NOVA_KAFKA_REPLICAS} (default 3)</li>
 *   <li>{@code NOVA_KAFKA_TOPIC_CONFIGS}: the deployment's own topic settings over the desk's, as
 *   {@code topic:key=value,...} ({@link TopicConfigOverrides}); existing topics are brought in line with them</li>
 *   <li>{@code NOVA_KAFKA_TIMEOUT_SECONDS} (default 60)</li>
 * </ul>
 * Exits 0 once the broker enforces every ACL, 1 with the reason otherwise.
 */
public final class ProvisionKafka {

    private ProvisionKafka() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(run(System::getenv));
        } catch (RuntimeException e) {
            System.err.println("Kafka provisioning failed: " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""));
            System.exit(1);
        }
    }

    /** Provisions from the given environment and returns what it did, in one line without secrets. */
    public static String run(Function<String, String> env) {
        String bootstrap = required(env, "NOVA_KAFKA_BOOTSTRAP_SERVERS");
        String username = required(env, "NOVA_KAFKA_ADMIN_USERNAME");
        String password = required(env, "NOVA_KAFKA_ADMIN_PASSWORD");
        SecurityProtocol protocol = SecurityProtocol.forName(optional(env, "NOVA_KAFKA_SECURITY_PROTOCOL", "SASL_SSL"));
        int partitions = positive(env, "NOVA_KAFKA_PARTITIONS", 3);
        short replicas = (short) positive(env, "NOVA_KAFKA_REPLICAS", 3);
        Duration timeout = Duration.ofSeconds(positive(env, "NOVA_KAFKA_TIMEOUT_SECONDS", 60));
        List<NewTopic> topics = TopicDefinitions.all(partitions, replicas,
                TopicConfigOverrides.parse(env.apply("NOVA_KAFKA_TOPIC_CONFIGS")));

        Map<String, Object> config = new HashMap<>(ScramClientProperties.of(username, password, protocol));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        int timeoutMs = (int) timeout.toMillis();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(30_000, timeoutMs));
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        try (Admin admin = Admin.create(config)) {
            KafkaAccessProvisioner provisioner = new KafkaAccessProvisioner(admin);
            List<String> created = provisioner.provision(topics, timeout);
            List<String> aligned = provisioner.alignTopicConfigs(topics, timeout);
            return "Kafka at " + bootstrap + " set up for the desk: created topics " + created + " (others existed), "
                    + "topic settings changed " + aligned + ", "
                    + KafkaAccessProvisioner.bindings().size() + " ACLs enforced";
        }
    }

    private static String required(Function<String, String> env, String name) {
        String value = env.apply(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return value.strip();
    }

    private static String optional(Function<String, String> env, String name, String fallback) {
        String value = env.apply(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static int positive(Function<String, String> env, String name, int fallback) {
        String value = optional(env, name, String.valueOf(fallback));
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new IllegalArgumentException(name + " must be a positive whole number, not " + value);
    }
}
