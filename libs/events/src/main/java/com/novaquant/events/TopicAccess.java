package com.novaquant.events;

import java.util.List;

import static com.novaquant.events.DeskPrincipal.ALERT;
import static com.novaquant.events.DeskPrincipal.EXECUTION;
import static com.novaquant.events.DeskPrincipal.INGESTION;
import static com.novaquant.events.DeskPrincipal.SIGNAL;

/**
 * Which desk principal may write and which may read each topic: the source of the broker's ACLs. A topic trusts its
 * records only as far as it can trust who wrote them, so each topic has the fewest writers the desk works with: only
 * signal decides target positions and keeps its own settings, only execution writes the audit trail and the desk's
 * risk state, only ingestion publishes market data and the feed gates. A principal a rule does not list gets nothing on that topic (the broker
 * refuses anything without an ACL). Each reader may also use the consumer groups of
 * {@link DeskPrincipal#consumerGroupPrefixes()}.
 */
public final class TopicAccess {

    /** One topic's writers and readers. */
    public record Rule(String topic, List<DeskPrincipal> writers, List<DeskPrincipal> readers) {
        public Rule {
            writers = List.copyOf(writers);
            readers = List.copyOf(readers);
        }
    }

    public static final List<Rule> RULES = List.of(
            new Rule(Topics.QUOTES, List.of(INGESTION), List.of(SIGNAL)),
            new Rule(Topics.FUNDING, List.of(INGESTION), List.of(SIGNAL)),
            new Rule(Topics.SIGNALS, List.of(SIGNAL), List.of(EXECUTION)),
            // No desk service consumes the audit trail; operators read it with the administrator's identity.
            new Rule(Topics.EXEC_EVENTS, List.of(EXECUTION), List.of()),
            // Every service that raises alerts today; the sentinel (alert) raises its own about refused commands.
            new Rule(Topics.ALERTS, List.of(INGESTION, EXECUTION, ALERT), List.of(ALERT)),
            // Every service follows the desk mode and the feed gates (service-support's KillSwitchView and
            // FeedGateView, in every service, ingestion's own gates read back included).
            new Rule(Topics.CONTROL, List.of(EXECUTION), List.of(INGESTION, SIGNAL, EXECUTION, ALERT)),
            new Rule(Topics.FEED_GATES, List.of(INGESTION), List.of(INGESTION, SIGNAL, EXECUTION, ALERT)),
            // The signal service's shared settings: its replicas write them and read each other's; nobody else.
            new Rule(Topics.SIGNAL_SETTINGS, List.of(SIGNAL), List.of(SIGNAL)),
            // Market scans feed the universe choice only; the universe is followed by every service.
            new Rule(Topics.MARKET_SCAN, List.of(INGESTION), List.of(SIGNAL)),
            new Rule(Topics.UNIVERSE, List.of(SIGNAL), List.of(INGESTION, SIGNAL, EXECUTION, ALERT)));

    private TopicAccess() {
    }

    /** The rule of one desk topic; refuses a topic the desk does not have. */
    public static Rule of(String topic) {
        return RULES.stream()
                .filter(rule -> rule.topic().equals(topic))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a desk topic: " + topic));
    }

    public static boolean mayWrite(DeskPrincipal principal, String topic) {
        return of(topic).writers().contains(principal);
    }

    public static boolean mayRead(DeskPrincipal principal, String topic) {
        return of(topic).readers().contains(principal);
    }
}
