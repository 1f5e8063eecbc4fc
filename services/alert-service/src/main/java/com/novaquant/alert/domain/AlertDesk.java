package com.novaquant.alert.domain;

import com.novaquant.events.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides what the operator is told, and when: the tiers, de-duplication, batching under a flood, escalation of
 * CRITICALs until acknowledged, and the quiet daily INFO digest. Pure logic over a clock the caller passes in; the
 * caller owns durability and the actual sending.
 *
 * <p>Contract:
 * <ul>
 *   <li>Every accepted alert is eventually part of exactly one confirmed {@link Delivery.Kind#ALERT} or
 *       {@link Delivery.Kind#DIGEST} delivery; none is ever dropped.</li>
 *   <li>Priority: new CRITICALs, then due CRITICAL reminders, then WARNINGs, then the INFO digest when due.</li>
 *   <li>Within a severity, alerts go out in the order they were raised ({@code atMs}, then arrival), by the first
 *       alert of each dedup key.</li>
 *   <li>After a message for a dedup key, identical alerts wait out the dedup window and then go out together,
 *       with their count.</li>
 *   <li>A delivery handed out is handed out again, unchanged, until {@link #delivered} confirms it.</li>
 * </ul>
 * Thread-safe (every method is synchronized; calls are short).
 */
public final class AlertDesk {

    private final DeskPolicy policy;
    /** Raised-time order (then arrival): alerts from different partitions interleave as they were raised. */
    private static final Comparator<PendingAlert> RAISED_ORDER =
            Comparator.comparingLong((PendingAlert a) -> a.alert().atMs()).thenComparingLong(PendingAlert::id);

    private final Map<Severity, TreeSet<PendingAlert>> pending = new EnumMap<>(Severity.class);
    private final Map<String, Long> cooldownUntilMs = new HashMap<>();
    private final LinkedHashMap<String, OpenCritical> open = new LinkedHashMap<>();
    private Delivery inFlight;
    private long deliverySequence;
    private Instant nextDigest;

    public AlertDesk(DeskPolicy policy, Instant now) {
        this.policy = policy;
        for (Severity severity : Severity.values()) {
            pending.put(severity, new TreeSet<>(RAISED_ORDER));
        }
        this.nextDigest = policy.digest().nextAfter(now);
    }

    /** Takes responsibility for an alert (already durably recorded by the caller). */
    public synchronized void accept(PendingAlert alert) {
        pending.get(alert.severity()).add(alert);
    }

    /**
     * Restores CRITICALs that were delivered but not acknowledged before a restart: they escalate again, starting
     * with the first interval.
     */
    public synchronized void restoreUnacknowledged(Collection<PendingAlert> delivered, Instant now) {
        long due = now.plus(policy.escalation().after(0)).toEpochMilli();
        for (PendingAlert alert : delivered) {
            open.computeIfAbsent(alert.dedupKey(), key -> new OpenCritical(key, List.of(), due)).alerts().add(alert);
        }
    }

    /** The next message to send, if any is due. */
    public synchronized Optional<Delivery> next(Instant now) {
        if (inFlight != null) {
            return Optional.of(inFlight);
        }
        long nowMs = now.toEpochMilli();
        List<AlertGroup> critical = eligibleGroups(Severity.CRITICAL, nowMs);
        if (!critical.isEmpty()) {
            return hold(Delivery.Kind.ALERT, Severity.CRITICAL, critical, false);
        }
        List<AlertGroup> reminders = dueReminders(nowMs);
        if (!reminders.isEmpty()) {
            return hold(Delivery.Kind.REMINDER, Severity.CRITICAL, reminders, false);
        }
        List<AlertGroup> warnings = eligibleGroups(Severity.WARNING, nowMs);
        if (!warnings.isEmpty()) {
            return hold(Delivery.Kind.ALERT, Severity.WARNING, warnings, false);
        }
        if (!now.isBefore(nextDigest)) {
            List<AlertGroup> digest = digestGroups();
            if (digest.isEmpty()) {
                nextDigest = policy.digest().nextAfter(now);
                return Optional.empty();
            }
            return hold(Delivery.Kind.DIGEST, Severity.INFO, digest, true);
        }
        return Optional.empty();
    }

    /**
     * The channel confirmed {@code delivery}. Returns the alerts it delivered for the first time (empty for a
     * reminder), for the caller to record as sent.
     */
    public synchronized List<PendingAlert> delivered(Delivery delivery, Instant now) {
        if (inFlight == null || !inFlight.id().equals(delivery.id())) {
            return List.of();
        }
        inFlight = null;
        long nowMs = now.toEpochMilli();
        if (delivery.kind() == Delivery.Kind.REMINDER) {
            for (AlertGroup group : delivery.groups()) {
                OpenCritical critical = open.get(group.dedupKey());
                if (critical != null) {
                    critical.repeated(now.plus(policy.escalation().after(critical.repeats() + 1)).toEpochMilli());
                }
            }
            return List.of();
        }
        List<PendingAlert> sent = new ArrayList<>();
        TreeSet<PendingAlert> queue = pending.get(delivery.severity());
        for (AlertGroup group : delivery.groups()) {
            group.alerts().forEach(queue::remove);
            sent.addAll(group.alerts());
            if (delivery.kind() == Delivery.Kind.ALERT && !policy.dedupWindow().isZero()) {
                cooldownUntilMs.put(cooldownKey(delivery.severity(), group.dedupKey()),
                        nowMs + policy.dedupWindow().toMillis());
            }
            if (delivery.severity() == Severity.CRITICAL) {
                long due = now.plus(policy.escalation().after(0)).toEpochMilli();
                OpenCritical existing = open.get(group.dedupKey());
                if (existing == null) {
                    open.put(group.dedupKey(), new OpenCritical(group.dedupKey(), group.alerts(), due));
                } else {
                    existing.absorb(group.alerts(), due);
                }
            }
        }
        if (delivery.kind() == Delivery.Kind.DIGEST && queue.isEmpty()) {
            nextDigest = policy.digest().nextAfter(now);
        }
        cooldownUntilMs.values().removeIf(until -> until <= nowMs);
        return sent;
    }

    /**
     * An operator acknowledged: every delivered CRITICAL stops escalating. Returns them, for the caller to record.
     * CRITICALs not delivered yet are not acknowledged: the operator has not seen them.
     */
    public synchronized List<PendingAlert> acknowledgeAll() {
        List<PendingAlert> acknowledged = open.values().stream().flatMap(c -> c.alerts().stream()).toList();
        open.clear();
        if (inFlight != null && inFlight.kind() == Delivery.Kind.REMINDER) {
            inFlight = null;
        }
        return acknowledged;
    }

    public synchronized int pending(Severity severity) {
        return pending.get(severity).size();
    }

    /** Delivered CRITICALs still waiting for /ack. */
    public synchronized int unacknowledged() {
        return open.values().stream().mapToInt(c -> c.alerts().size()).sum();
    }

    public synchronized Instant nextDigest() {
        return nextDigest;
    }

    private Optional<Delivery> hold(Delivery.Kind kind, Severity severity, List<AlertGroup> groups, boolean silent) {
        inFlight = new Delivery(kind.name().charAt(0) + Long.toString(++deliverySequence), kind, severity, groups,
                silent);
        return Optional.of(inFlight);
    }

    private List<AlertGroup> eligibleGroups(Severity severity, long nowMs) {
        Map<String, List<PendingAlert>> groups = new LinkedHashMap<>();
        Set<String> held = new HashSet<>();
        for (PendingAlert alert : pending.get(severity)) {
            String key = alert.dedupKey();
            if (held.contains(key)) {
                continue;
            }
            List<PendingAlert> group = groups.get(key);
            if (group != null) {
                group.add(alert);
                continue;
            }
            if (cooldownUntilMs.getOrDefault(cooldownKey(severity, key), Long.MIN_VALUE) > nowMs) {
                held.add(key);
                continue;
            }
            if (groups.size() < policy.maxGroupsPerMessage()) {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(alert);
            } else {
                held.add(key);
            }
        }
        return toGroups(severity, groups);
    }

    private List<AlertGroup> digestGroups() {
        Map<String, List<PendingAlert>> groups = new LinkedHashMap<>();
        for (PendingAlert alert : pending.get(Severity.INFO)) {
            List<PendingAlert> group = groups.get(alert.dedupKey());
            if (group != null) {
                group.add(alert);
            } else if (groups.size() < policy.maxGroupsPerMessage()) {
                groups.computeIfAbsent(alert.dedupKey(), k -> new ArrayList<>()).add(alert);
            }
        }
        return toGroups(Severity.INFO, groups);
    }

    private List<AlertGroup> dueReminders(long nowMs) {
        List<AlertGroup> due = new ArrayList<>();
        for (Iterator<OpenCritical> it = open.values().iterator(); it.hasNext() && due.size() < policy.maxGroupsPerMessage(); ) {
            OpenCritical critical = it.next();
            if (critical.nextDueMs() <= nowMs) {
                due.add(new AlertGroup(Severity.CRITICAL, critical.dedupKey(), critical.alerts()));
            }
        }
        return due;
    }

    private static List<AlertGroup> toGroups(Severity severity, Map<String, List<PendingAlert>> groups) {
        return groups.entrySet().stream().map(e -> new AlertGroup(severity, e.getKey(), e.getValue())).toList();
    }

    private static String cooldownKey(Severity severity, String dedupKey) {
        return severity.name() + '|' + dedupKey;
    }
}
