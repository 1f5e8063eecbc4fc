package com.novaquant.execution.domain;

import com.novaquant.events.Venue;
import com.novaquant.ids.ClientOrderId;
import com.novaquant.ids.SignalId;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientOrderIdsTest {

    @Test
    void sameSignalGivesTheSameIdsAfterARestart() {
        SignalId signal = new SignalId(UUID.randomUUID().toString());
        assertThat(ClientOrderIds.of(signal, Venue.SPOT, OrderPurpose.OPEN, 0))
                .isEqualTo(ClientOrderIds.of(signal, Venue.SPOT, OrderPurpose.OPEN, 0));
        assertThat(ClientOrderIds.pairId(signal)).isEqualTo(ClientOrderIds.pairId(signal));
    }

    @Test
    void idsFitBothVenuesAlphabetsAndLength() {
        SignalId longSignal = new SignalId("x".repeat(SignalId.MAX_LENGTH - 4) + "/:.é");
        for (Venue venue : Venue.values()) {
            for (OrderPurpose purpose : OrderPurpose.values()) {
                String id = ClientOrderIds.of(longSignal, venue, purpose, 99).value();
                assertThat(id.length()).isLessThanOrEqualTo(ClientOrderId.MAX_LENGTH);
                assertThat(id).matches("^[a-zA-Z0-9_-]{1,36}$").matches("^[.A-Z:/a-z0-9_-]{1,36}$");
            }
        }
    }

    @Test
    void legsPurposesAndAttemptsGetDistinctIds() {
        Set<ClientOrderId> ids = new HashSet<>();
        for (Venue venue : Venue.values()) {
            for (OrderPurpose purpose : OrderPurpose.values()) {
                for (int attempt = 0; attempt < 5; attempt++) {
                    ids.add(ClientOrderIds.of(new SignalId("s-1"), venue, purpose, attempt));
                }
            }
        }
        assertThat(ids).hasSize(2 * OrderPurpose.values().length * 5);
        assertThat(ClientOrderIds.of(new SignalId("s-1"), Venue.SPOT, OrderPurpose.OPEN, 0))
                .isNotEqualTo(ClientOrderIds.of(new SignalId("s-2"), Venue.SPOT, OrderPurpose.OPEN, 0));
    }

    @Test
    void attemptOutOfRangeIsRefused() {
        assertThatThrownBy(() -> ClientOrderIds.of(new SignalId("s"), Venue.SPOT, OrderPurpose.OPEN, 100))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
