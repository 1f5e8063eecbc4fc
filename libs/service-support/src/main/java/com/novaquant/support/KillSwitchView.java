package com.novaquant.support;

import com.novaquant.events.DeskMode;
import com.novaquant.events.KillSwitchState;
import com.novaquant.events.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

import java.util.concurrent.atomic.AtomicReference;

/**
 * This service's view of the desk's risk state ({@link DeskMode}), read from the compacted {@code nova.control}
 * topic. Every instance reads the whole topic (its own consumer group, from the earliest offset) so it knows the
 * state from the moment it starts. Exposed as the gauges {@code nova_kill_switch_engaged} (1 while HALTED or FROZEN)
 * and {@code nova_desk_mode} (0 TRADING, 1 HALTED, 2 FROZEN).
 */
public class KillSwitchView {

    private static final Logger log = LoggerFactory.getLogger(KillSwitchView.class);

    private final EventDecoder decoder;
    private final AtomicReference<KillSwitchState> current = new AtomicReference<>(KillSwitchState.RELEASED);

    public KillSwitchView(EventDecoder decoder, MeterRegistry registry) {
        this.decoder = decoder;
        Gauge.builder("nova.kill.switch.engaged", current, s -> s.get().engaged() ? 1 : 0)
                .description("1 while the kill switch is engaged")
                .register(registry);
        Gauge.builder("nova.desk.mode", current, s -> s.get().mode().ordinal())
                .description("the desk's risk state: 0 TRADING, 1 HALTED (nothing grows), 2 FROZEN (nothing moves)")
                .register(registry);
    }

    @KafkaListener(id = "#{T(java.util.UUID).randomUUID().toString()}", topics = Topics.CONTROL,
            groupId = "#{'${spring.application.name}-control-' + T(java.util.UUID).randomUUID().toString()}",
            properties = {"auto.offset.reset=earliest", "enable.auto.commit=false"})
    void onControl(ConsumerRecord<String, byte[]> record) {
        if (!Topics.KILL_SWITCH_KEY.equals(record.key())) {
            return;
        }
        decoder.decode(record, KillSwitchState.class).ifPresent(this::apply);
    }

    /** Applies a state seen on the topic; the newest by time wins. */
    public void apply(KillSwitchState state) {
        KillSwitchState previous = current.getAndUpdate(old -> state.atMs() >= old.atMs() ? state : old);
        if (previous.mode() != state.mode() && current.get() == state) {
            log.warn("Desk {} by {}: {}", state.mode(), state.by(), state.reason());
        }
    }

    public KillSwitchState current() {
        return current.get();
    }

    public DeskMode mode() {
        return current.get().mode();
    }

    public boolean engaged() {
        return current.get().engaged();
    }
}
