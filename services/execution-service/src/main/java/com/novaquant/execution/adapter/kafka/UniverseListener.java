package com.novaquant.execution.adapter.kafka;

import com.novaquant.events.Severity;
import com.novaquant.events.Topics;
import com.novaquant.events.UniverseSelection;
import com.novaquant.execution.application.Alerts;
import com.novaquant.execution.application.ExecutionMetrics;
import com.novaquant.execution.application.TradedUniverse;
import com.novaquant.execution.domain.Refusal;
import com.novaquant.support.EventDecoder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows the traded universe on the compacted {@code nova.universe} topic: the whole topic from the earliest offset
 * on every start (a group of its own per start, nothing committed), the newest record in force. A record is believed
 * only when sealed as a signal must be (the same keys, {@link SignalSealCheck}) and when it decodes; an older
 * revision than the one in force is a replay. A refused record is counted
 * ({@code nova_execution_universe_refused_total{reason}}), paged once per reason and source, and changes nothing: the
 * universe in force stays. Runs on every instance, passive ones too, so that a take-over finds it current.
 */
public class UniverseListener {

    /** Why a universe record was refused. */
    public static final List<String> REFUSAL_REASONS = List.of(Refusal.UNSIGNED.name(), Refusal.UNKNOWN_KEY.name(),
            Refusal.BAD_SEAL.name(), "UNDECODABLE", "OLD_REVISION");
    static final String ALERT = "UNIVERSE_REFUSED";
    private static final Logger log = LoggerFactory.getLogger(UniverseListener.class);

    private final TradedUniverse universe;
    private final SignalSealCheck seals;
    private final EventDecoder decoder;
    private final ExecutionMetrics metrics;
    private final Alerts alerts;
    private final Set<String> paged = ConcurrentHashMap.newKeySet();

    public UniverseListener(TradedUniverse universe, SignalSealCheck seals, EventDecoder decoder,
                            ExecutionMetrics metrics, Alerts alerts) {
        this.universe = universe;
        this.seals = seals;
        this.decoder = decoder;
        this.metrics = metrics;
        this.alerts = alerts;
        metrics.universeRefusalReasons(REFUSAL_REASONS);
    }

    @KafkaListener(id = "execution-universe", topics = Topics.UNIVERSE,
            groupId = "#{'execution-service-universe-' + T(java.util.UUID).randomUUID().toString()}",
            properties = {"auto.offset.reset=earliest", "enable.auto.commit=false"})
    void onUniverse(ConsumerRecord<String, byte[]> record) {
        accept(record);
    }

    /** Puts the record's universe in force when it can be believed; true when it was. */
    public boolean accept(ConsumerRecord<String, byte[]> record) {
        Optional<Refusal> untrusted = seals.check(record);
        if (untrusted.isPresent()) {
            String source = untrusted.get() == Refusal.UNKNOWN_KEY ? "an unknown key" : SignalSealCheck.source(record);
            refuse(record, untrusted.get().name(), source, Severity.CRITICAL);
            return false;
        }
        Optional<UniverseSelection> decoded = record.value() == null ? Optional.empty()
                : decoder.decode(record, UniverseSelection.class);
        if (decoded.isEmpty()) {
            refuse(record, "UNDECODABLE", SignalSealCheck.source(record), Severity.WARNING);
            return false;
        }
        if (!universe.apply(decoded.get())) {
            refuse(record, "OLD_REVISION", "revision " + decoded.get().revision() + " < "
                    + universe.revision(), Severity.WARNING);
            return false;
        }
        return true;
    }

    private void refuse(ConsumerRecord<String, byte[]> record, String reason, String source, Severity severity) {
        metrics.universeRefused(reason);
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        log.warn("Universe record at {} refused: {} ({}); revision {} stays in force", where, reason, source,
                universe.revision());
        String key = "universe-trust:" + reason + ":" + source;
        if (paged.add(key)) {
            alerts.raise(severity, ALERT, "Universe record refused: " + reason + " from " + source + " (record " + where
                    + "). The universe in force (revision " + universe.revision() + ") stays; further refusals of this"
                    + " kind are counted, not paged. Check who writes nova.universe and the signing keys.", key);
        }
    }
}
