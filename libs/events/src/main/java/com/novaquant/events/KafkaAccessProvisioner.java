package com.novaquant.events;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sets a broker up for the desk through the Admin API of a super user: creates the desk's topics
 * ({@link TopicDefinitions}) and lays down the ACLs that {@link TopicAccess} describes (WRITE or READ on each topic by
 * name, READ on each reader's consumer groups by prefix). A topic or an ACL that exists is left as it is, so a
 * deployment Job or the local desk may run it on every start. It only adds: an ACL granted by hand stays until
 * removed by hand, and a topic's partitions are never changed here.
 */
public final class KafkaAccessProvisioner {

    /** Between two looks at whether the broker enforces the new ACLs yet (it applies them from the metadata log). */
    private static final Duration POLL = Duration.ofMillis(50);

    private final Admin admin;

    /** @param admin a client logged in as a super user */
    public KafkaAccessProvisioner(Admin admin) {
        this.admin = admin;
    }

    /** The desk's ACLs, one ALLOW binding per principal, operation and resource. */
    public static List<AclBinding> bindings() {
        List<AclBinding> bindings = new ArrayList<>();
        Set<DeskPrincipal> readers = EnumSet.noneOf(DeskPrincipal.class);
        for (TopicAccess.Rule rule : TopicAccess.RULES) {
            ResourcePattern topic = new ResourcePattern(ResourceType.TOPIC, rule.topic(), PatternType.LITERAL);
            rule.writers().forEach(writer -> bindings.add(allow(writer, AclOperation.WRITE, topic)));
            rule.readers().forEach(reader -> bindings.add(allow(reader, AclOperation.READ, topic)));
            readers.addAll(rule.readers());
        }
        for (DeskPrincipal reader : readers) {
            for (String prefix : reader.consumerGroupPrefixes()) {
                bindings.add(allow(reader, AclOperation.READ,
                        new ResourcePattern(ResourceType.GROUP, prefix, PatternType.PREFIXED)));
            }
        }
        return List.copyOf(bindings);
    }

    /**
     * Creates the topics that are missing, then the ACLs, and returns once the broker enforces all of them.
     *
     * @return the topics this call created (empty when all existed)
     */
    public List<String> provision(List<NewTopic> topics, Duration timeout) {
        List<String> created = createTopics(topics, timeout);
        provisionAcls(timeout);
        return created;
    }

    private List<String> createTopics(List<NewTopic> topics, Duration timeout) {
        List<String> created = new ArrayList<>();
        admin.createTopics(topics).values().forEach((name, future) -> {
            try {
                future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                created.add(name);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("could not create topic " + name, e.getCause());
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("topic " + name + " not created within " + timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topic " + name, e);
            }
        });
        return List.copyOf(created);
    }

    /**
     * Brings the settings of topics that already existed in line with their definitions (a retention changed in the
     * deployment's values, {@code min.insync.replicas} on a topic made before it was defined): each setting that
     * differs is set; settings the definitions do not name are left as they are, and so are partitions and
     * replication, which Kafka does not change in place.
     *
     * @return each setting changed, as {@code topic key: old -> new}
     */
    public List<String> alignTopicConfigs(List<NewTopic> topics, Duration timeout) {
        Map<ConfigResource, NewTopic> resources = new LinkedHashMap<>();
        topics.forEach(topic -> resources.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()), topic));
        List<String> changed = new ArrayList<>();
        Map<ConfigResource, Collection<AlterConfigOp>> alterations = new LinkedHashMap<>();
        try {
            Map<ConfigResource, Config> current = admin.describeConfigs(resources.keySet()).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            resources.forEach((resource, topic) -> {
                Config config = current.get(resource);
                List<AlterConfigOp> ops = new ArrayList<>();
                topic.configs().forEach((key, wanted) -> {
                    ConfigEntry entry = config == null ? null : config.get(key);
                    String now = entry == null ? null : entry.value();
                    if (!wanted.equals(now)) {
                        ops.add(new AlterConfigOp(new ConfigEntry(key, wanted), AlterConfigOp.OpType.SET));
                        changed.add(topic.name() + " " + key + ": " + now + " -> " + wanted);
                    }
                });
                if (!ops.isEmpty()) {
                    alterations.put(resource, ops);
                }
            });
            if (!alterations.isEmpty()) {
                admin.incrementalAlterConfigs(alterations).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not align the topics' settings " + changed, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("topics' settings not aligned within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while aligning the topics' settings", e);
        }
        return List.copyOf(changed);
    }

    /** Creates the desk's ACLs and returns once the broker this admin talks to enforces all of them. */
    public void provisionAcls(Duration timeout) {
        List<AclBinding> wanted = bindings();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            admin.createAcls(wanted).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            while (!enforced(wanted, deadline)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker did not apply the desk's ACLs within " + timeout);
                }
                Thread.sleep(POLL);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create the desk's ACLs", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the desk's ACLs", e);
        }
    }

    private boolean enforced(List<AclBinding> wanted, long deadline)
            throws ExecutionException, InterruptedException, TimeoutException {
        long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        Collection<AclBinding> present = admin.describeAcls(AclBindingFilter.ANY).values()
                .get(left, TimeUnit.MILLISECONDS);
        return present.containsAll(wanted);
    }

    private static AclBinding allow(DeskPrincipal principal, AclOperation operation, ResourcePattern resource) {
        return new AclBinding(resource,
                new AccessControlEntry(principal.principal(), "*", operation, AclPermissionType.ALLOW));
    }
}
