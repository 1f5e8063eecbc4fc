package com.novaquant.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Every value on a Nova Kafka topic. The JSON form carries {@code type} (the name below) and
 * {@code v} (the schema version, {@link EventCodec#SCHEMA_VERSION}); see {@link EventCodec}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Quote.class, name = "quote"),
        @JsonSubTypes.Type(value = FundingRate.class, name = "funding"),
        @JsonSubTypes.Type(value = Signal.class, name = "signal"),
        @JsonSubTypes.Type(value = OrderEvent.class, name = "order"),
        @JsonSubTypes.Type(value = FillEvent.class, name = "fill"),
        @JsonSubTypes.Type(value = PairEvent.class, name = "pair"),
        @JsonSubTypes.Type(value = LegRiskEvent.class, name = "leg-risk"),
        @JsonSubTypes.Type(value = FundingPaymentEvent.class, name = "funding-payment"),
        @JsonSubTypes.Type(value = KillSwitchEvent.class, name = "kill-switch-changed"),
        @JsonSubTypes.Type(value = Alert.class, name = "alert"),
        @JsonSubTypes.Type(value = KillSwitchState.class, name = "kill-switch"),
        @JsonSubTypes.Type(value = FeedGate.class, name = "feed-gate"),
        @JsonSubTypes.Type(value = SignalSettings.class, name = "signal-settings"),
        @JsonSubTypes.Type(value = MarketScan.class, name = "market-scan"),
        @JsonSubTypes.Type(value = UniverseSelection.class, name = "universe"),
})
public sealed interface NovaEvent
        permits Quote, FundingRate, Signal, ExecutionEvent, Alert, KillSwitchState, FeedGate, SignalSettings,
        MarketScan, UniverseSelection {

    /** The Kafka record key this event is published under. */
    String key();
}
