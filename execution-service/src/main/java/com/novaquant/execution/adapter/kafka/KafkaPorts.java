package com.novaquant.execution.adapter.kafka;

import com.novaquant.events.KillSwitchState;
import com.novaquant.execution.application.Alerts;
import com.novaquant.execution.application.ControlView;
import com.novaquant.execution.application.ExecutionEvents;
import com.novaquant.support.AlertPublisher;
import com.novaquant.support.EventPublisher;
import com.novaquant.support.FeedGateView;
import com.novaquant.support.KillSwitchView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

/** Execution's event, alert and control ports on Kafka, through the publishers and the view every service shares. */
@Configuration(proxyBeanMethods = false)
public class KafkaPorts {

    /** Execution's events go to Kafka through the shared publisher; a failed send is counted and logged there. */
    @Bean
    ExecutionEvents executionEvents(EventPublisher publisher) {
        return publisher::publish;
    }

    @Bean
    Alerts executionAlerts(AlertPublisher publisher) {
        return publisher::raise;
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
