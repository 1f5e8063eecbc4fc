package com.novaquant.execution.adapter.kafka;

import com.novaquant.events.Alert;
import com.novaquant.events.KillSwitchState;
import com.novaquant.events.Topics;
import com.novaquant.execution.application.Alerts;
import com.novaquant.execution.application.ControlView;
import com.novaquant.execution.application.ExecutionEvents;
import com.novaquant.support.AlertPublisher;
import com.novaquant.support.EventPublisher;
import com.novaquant.support.FeedGateView;
import com.novaquant.support.KillSwitchView;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

/** Execution's event, alert and control ports on Kafka, through the publishers and the view every service shares. */
@Configuration(proxyBeanMethods = false)
public class KafkaPorts {

    /** Events and alerts leave through one queue and one sending thread, in order, never blocking the caller. */
    @Bean(destroyMethod = "close")
    EventHandOff eventHandOff(EventPublisher publisher, MeterRegistry registry) {
        return new EventHandOff(publisher::publish, registry);
    }

    /** Execution's events go to Kafka through the shared publisher; a failed send is counted and logged there. */
    @Bean
    ExecutionEvents executionEvents(EventHandOff handOff) {
        return handOff::publish;
    }

    @Bean
    Alerts executionAlerts(AlertPublisher publisher, EventHandOff handOff) {
        return (severity, code, text, dedupKey) -> handOff.publish(Topics.ALERTS,
                Alert.of(severity, publisher.source(), code, text, dedupKey));
    }

    @Bean
    ControlView controlView(KillSwitchView view, FeedGateView feedGates) {
        return new ControlView() {
            @Override
            public Optional<String> feedGated(String symbol) {
                return feedGates.reason(symbol);
            }

            @Override
            public KillSwitchState current() {
                return view.current();
            }

            @Override
            public void apply(KillSwitchState state) {
                view.apply(state);
            }
        };
    }

}
