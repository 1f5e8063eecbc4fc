package com.novaquant.ids;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentifiersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Carrier(SignalId signalId, PairId pairId, ClientOrderId clientOrderId) {
    }

    @Test
    void eachIdIsWrittenAndReadAsTheBareString() {
        Carrier carrier = new Carrier(new SignalId("BTCUSDT-abc-1"), new PairId("P-0123"), new ClientOrderId("nq-1-SO0"));
        String json = JSON.writeValueAsString(carrier);

        assertThat(json).isEqualTo("{\"signalId\":\"BTCUSDT-abc-1\",\"pairId\":\"P-0123\",\"clientOrderId\":\"nq-1-SO0\"}");
        assertThat(JSON.readValue(json, Carrier.class)).isEqualTo(carrier);
        assertThat(carrier.signalId()).hasToString("BTCUSDT-abc-1");
    }

    @Test
    void anIdNoLogLineOrKeyShouldCarryIsRefused() {
        for (String bad : List.of("", "a b", "a\nFORGED", "a\tb", "a\u0000b", "a\u2028b", "a\u00a0b")) {
            assertThatThrownBy(() -> new SignalId(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new PairId(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new SignalId(null)).hasMessageContaining("missing");
        assertThatThrownBy(() -> new SignalId("s".repeat(SignalId.MAX_LENGTH + 1))).hasMessageContaining("longer");
        assertThatThrownBy(() -> new PairId("p".repeat(PairId.MAX_LENGTH + 1))).hasMessageContaining("longer");
        assertThat(new SignalId("s".repeat(SignalId.MAX_LENGTH)).value()).hasSize(SignalId.MAX_LENGTH);
    }

    @Test
    void aClientOrderIdHoldsWhatEitherVenueAcceptsAndSaysWhetherBothDo() {
        assertThat(new ClientOrderId("nq-0123456789abcdef0123-SO0").acceptedByBothVenues()).isTrue();
        ClientOrderId usdmOnly = new ClientOrderId("web_.a:b/c");
        assertThat(usdmOnly.acceptedByBothVenues()).isFalse();
        assertThatThrownBy(() -> new ClientOrderId("nq#1")).hasMessageContaining("alphabet");
        assertThatThrownBy(() -> new ClientOrderId("nq-é")).hasMessageContaining("alphabet");
        assertThatThrownBy(() -> new ClientOrderId("x".repeat(ClientOrderId.MAX_LENGTH + 1))).hasMessageContaining("longer");
        assertThat(ClientOrderId.parse("nq 1")).isEmpty();
        assertThat(ClientOrderId.parse("nq-1")).contains(new ClientOrderId("nq-1"));
    }

    @Test
    void idsCompareByValueAndEqualOnlyTheirOwnKind() {
        assertThat(new PairId("P-1")).isEqualTo(new PairId("P-1")).isNotEqualTo(new PairId("P-2"))
                .isLessThan(new PairId("P-2"));
        assertThat((Object) new SignalId("x")).isNotEqualTo(new PairId("x")).isNotEqualTo("x");
    }
}
