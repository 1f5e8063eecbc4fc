package com.novaquant.testsupport;

import com.novaquant.events.DeskPrincipal;
import com.novaquant.events.KafkaAccessProvisioner;
import com.novaquant.events.ScramClientProperties;
import com.novaquant.events.TopicAccess;
import com.novaquant.events.TopicDefinitions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.security.plain.PlainLoginModule;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.metadata.authorizer.StandardAuthorizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real KRaft broker inside this JVM that authenticates and authorises: clients log in with SASL/SCRAM-SHA-512, one
 * user per desk service ({@link DeskPrincipal}), and the StandardAuthorizer allows only what {@link TopicAccess}
 * grants, refusing anything without an ACL. {@value #ADMIN} is the super user: the broker itself, topic creation and
 * ACL provisioning. Passwords are random per start and leave only through {@link #clientProperties}.
 *
 * <p>No client may create topics here: the desk's topics ({@link TopicDefinitions}) are created on start, as a
 * deployment's provisioning Job creates them, and any other topic the callers use goes to {@link #start}.
 */
public final class SecuredInProcessKafka implements KafkaServer {

    public static final String ADMIN = "admin";

    private static final Logger log = LoggerFactory.getLogger(SecuredInProcessKafka.class);
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KafkaClusterTestKit cluster;
    private final TcpForwarder forwarder;
    private final String bootstrapServers;
    private final Map<String, String> passwords;

    private SecuredInProcessKafka(KafkaClusterTestKit cluster, TcpForwarder forwarder, String bootstrapServers,
                                  Map<String, String> passwords) {
        this.cluster = cluster;
        this.forwarder = forwarder;
        this.bootstrapServers = bootstrapServers;
        this.passwords = passwords;
    }

    /**
     * Starts a single-node broker, creates the desk's topics and {@code extraTopics}, and lays down the desk's ACLs.
     *
     * @param port the bootstrap port, or 0 for a free one
     */
    public static SecuredInProcessKafka start(int port, int partitions, String... extraTopics) {
        Map<String, String> passwords = newPasswords();
        KafkaClusterTestKit cluster = startCluster(partitions, passwords);
        SecuredInProcessKafka kafka;
        try {
            String actual = cluster.bootstrapServers();
            if (port <= 0) {
                kafka = new SecuredInProcessKafka(cluster, null, actual, Map.copyOf(passwords));
            } else {
                // As in InProcessKafka: the kit picks its own port, so the fixed one forwards to it.
                int actualPort = Integer.parseInt(actual.replaceAll(".*:", ""));
                kafka = new SecuredInProcessKafka(cluster, TcpForwarder.start(port, actualPort), "localhost:" + port,
                        Map.copyOf(passwords));
            }
        } catch (RuntimeException e) {
            closeQuietly(cluster);
            throw e;
        }
        try (Admin admin = Admin.create(kafka.adminClientProperties())) {
            List<NewTopic> topics = new ArrayList<>(TopicDefinitions.all(partitions, (short) 1));
            Arrays.stream(extraTopics).distinct()
                    .filter(topic -> topics.stream().noneMatch(t -> t.name().equals(topic)))
                    .forEach(topic -> topics.add(new NewTopic(topic, partitions, (short) 1)));
            new KafkaAccessProvisioner(admin).provision(topics, SETUP_TIMEOUT);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        log.info("Secured in-process Kafka at {}: SASL/{} for {} users, ACLs from TopicAccess",
                kafka.bootstrapServers, ScramClientProperties.MECHANISM, passwords.size());
        return kafka;
    }

    @Override
    public Optional<String> password(DeskPrincipal principal) {
        return Optional.of(passwords.get(principal.username()));
    }

    /** The super user's password: for a provisioning program that logs in by itself. */
    public String adminPassword() {
        return passwords.get(ADMIN);
    }

    /** {@code security.protocol}, {@code sasl.mechanism} and {@code sasl.jaas.config} of one desk service. */
    public Map<String, Object> clientProperties(DeskPrincipal principal) {
        return ScramClientProperties.of(principal.username(), passwords.get(principal.username()));
    }

    /** The super user's client properties plus the bootstrap address: for topic and ACL administration only. */
    @Override
    public Map<String, Object> adminClientProperties() {
        Map<String, Object> properties = new HashMap<>(ScramClientProperties.of(ADMIN, passwords.get(ADMIN)));
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return properties;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public String kind() {
        return "in-process";
    }

    @Override
    public void close() {
        if (forwarder != null) {
            forwarder.close();
        }
        closeQuietly(cluster);
    }

    private static KafkaClusterTestKit startCluster(int partitions, Map<String, String> passwords) {
        // Kafka exits the JVM on some fatal errors; here that would end the tests or the local desk with it.
        Exit.setExitProcedure((code, message) -> log.warn("Kafka asked to exit ({}): {}", code, message));
        Exit.setHaltProcedure((code, message) -> log.warn("Kafka asked to halt ({}): {}", code, message));
        String controllerPassword = randomPassword();
        KafkaClusterTestKit cluster = null;
        try {
            // The kit is told PLAINTEXT on both listeners so that it adds none of its own SASL defaults (a JVM-wide
            // JAAS file with fixed PLAIN passwords); the protocol map below makes both listeners SASL.
            TestKitNodes nodes = new TestKitNodes.Builder(ScramBootstrapMetadata.withCredentials(passwords))
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            String client = nodes.brokerListenerName().value();
            String controller = nodes.controllerListenerName().value();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            brokerConfig(partitions, client, controller, passwords.get(ADMIN), controllerPassword)
                    .forEach(builder::setConfigProp);
            cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return cluster;
        } catch (Exception e) {
            closeQuietly(cluster);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("could not start the secured in-process Kafka broker", e);
        }
    }

    private static Map<String, String> brokerConfig(int partitions, String client, String controller,
                                                    String adminPassword, String controllerPassword) {
        String clientPrefix = "listener.name." + client.toLowerCase() + ".";
        String controllerPrefix = "listener.name." + controller.toLowerCase() + ".";
        Map<String, String> config = new LinkedHashMap<>();
        config.put("num.partitions", String.valueOf(partitions));
        config.put("auto.create.topics.enable", "false");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "5");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("log.cleaner.enable", "true");

        config.put("listener.security.protocol.map", client + ":SASL_PLAINTEXT," + controller + ":SASL_PLAINTEXT");
        // Clients and the broker's own inter-broker traffic: SCRAM, users from the metadata log.
        config.put("sasl.enabled.mechanisms", ScramClientProperties.MECHANISM);
        config.put(clientPrefix + "sasl.enabled.mechanisms", ScramClientProperties.MECHANISM);
        config.put("sasl.mechanism.inter.broker.protocol", ScramClientProperties.MECHANISM);
        config.put(clientPrefix + ScramClientProperties.MECHANISM.toLowerCase() + ".sasl.jaas.config",
                ScramClientProperties.jaasConfig(ADMIN, adminPassword));
        // The controller cannot check SCRAM (its users are in the very log it serves), so PLAIN with one user; no
        // client is ever given this address or password.
        config.put(controllerPrefix + "sasl.enabled.mechanisms", "PLAIN");
        config.put("sasl.mechanism.controller.protocol", "PLAIN");
        config.put(controllerPrefix + "plain.sasl.jaas.config", PlainLoginModule.class.getName()
                + " required username=\"" + ADMIN + "\" password=\"" + controllerPassword + "\" user_" + ADMIN
                + "=\"" + controllerPassword + "\";");

        config.put("authorizer.class.name", StandardAuthorizer.class.getName());
        config.put(StandardAuthorizer.ALLOW_EVERYONE_IF_NO_ACL_IS_FOUND_CONFIG, "false");
        config.put(StandardAuthorizer.SUPER_USERS_CONFIG, "User:" + ADMIN);
        return config;
    }

    /** A fresh random password for the administrator and for each desk service, by user name. */
    static Map<String, String> newPasswords() {
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put(ADMIN, randomPassword());
        for (DeskPrincipal principal : DeskPrincipal.values()) {
            passwords.put(principal.username(), randomPassword());
        }
        return passwords;
    }

    /** 32 random bytes: nobody guesses it, and base64url needs no quoting in a JAAS line. */
    private static String randomPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            log.warn("Stopping the secured in-process Kafka broker failed: {}", e.toString());
        }
    }
}
