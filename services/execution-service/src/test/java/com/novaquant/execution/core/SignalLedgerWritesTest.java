package com.novaquant.execution.core;

import com.novaquant.events.Signal;
import com.novaquant.events.Venue;
import com.novaquant.execution.application.OrderRecord;
import com.novaquant.execution.domain.OrderStatus;
import com.novaquant.execution.sim.SimDesk;
import com.novaquant.execution.sim.VenueFaults;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many durable ledger writes (commits, so WAL flushes) stand between a signal and its orders, on the execution
 * core over in-memory ports: the read of the position writes nothing, a trade's claim travels with its write-ahead.
 */
class SignalLedgerWritesTest {

    private final SimDesk desk = new SimDesk(3, VenueFaults.none());

    @Test
    void aTradeIsDecidedWithOneLedgerWriteBeforeItsLegsAreSent() {
        Signal signal = desk.signal(BigDecimal.ONE);
        int before = desk.ledger.writes();
        List<Integer> writesAtPlacement = new ArrayList<>();
        List<List<OrderStatus>> ordersAtPlacement = new ArrayList<>();
        List<String> outcomeAtPlacement = new ArrayList<>();
        desk.venue.beforeNextPlace(Venue.SPOT, () -> {
            writesAtPlacement.add(desk.ledger.writes() - before);
            ordersAtPlacement.add(desk.ledger.ordersOfSignal(signal.signalId()).stream().map(OrderRecord::status)
                    .toList());
            outcomeAtPlacement.add(desk.ledger.signalOutcome(signal.signalId()).orElse("not recorded"));
        });

        assertThat(desk.core.engine().onSignal(signal)).isEqualTo("FILLED");

        assertThat(writesAtPlacement).as("ledger writes before the first leg reached the venue").containsExactly(1);
        // That one write held the claim and both orders: nothing is sent that is not written.
        assertThat(ordersAtPlacement).containsExactly(List.of(OrderStatus.NEW, OrderStatus.NEW));
        assertThat(outcomeAtPlacement).containsExactly("IN_PROGRESS");
        assertThat(desk.ledger.signalOutcome(signal.signalId())).contains("FILLED");
    }

    @Test
    void aRefusalIsRecordedWithOneLedgerWrite() {
        Signal nothingToClose = desk.signal(BigDecimal.ZERO);
        int before = desk.ledger.writes();

        assertThat(desk.core.engine().onSignal(nothingToClose)).isEqualTo("NO_CHANGE");

        assertThat(desk.ledger.writes() - before).isEqualTo(1);
        assertThat(desk.ledger.signalOutcome(nothingToClose.signalId())).contains("NO_CHANGE");
        assertThat(desk.venue.ordersPlaced()).isZero();
        // Recorded: a redelivery is a duplicate.
        assertThat(desk.core.engine().onSignal(nothingToClose)).isEqualTo("DUPLICATE");
    }

    @Test
    void twoDeliveriesOfOneSignalThatBothReadBeforeEitherWritesTradeOnce() {
        // A second consumer of the same ledger and account, so that the two deliveries do not queue on one desk.
        SimDesk other = desk.restart();
        Signal signal = desk.signal(BigDecimal.ONE);
        int before = desk.ledger.writes();
        List<Integer> writesAtFirstRead = new ArrayList<>();
        List<String> secondDelivery = new ArrayList<>();
        desk.ledger.afterNextExposureRead(() -> {
            // The first delivery has read and not yet written: the second one reads, decides and trades now.
            writesAtFirstRead.add(desk.ledger.writes() - before);
            secondDelivery.add(other.core.engine().onSignal(signal));
        });

        String firstDelivery = desk.core.engine().onSignal(signal);

        assertThat(writesAtFirstRead).as("ledger writes when the first delivery had read").containsExactly(0);
        assertThat(secondDelivery).containsExactly("FILLED");
        assertThat(firstDelivery).isEqualTo("DUPLICATE");
        assertThat(desk.venue.ordersPlaced()).as("orders sent").isEqualTo(2);
        assertThat(desk.venue.duplicateSends()).isZero();
        assertThat(desk.ledger.ordersOfSignal(signal.signalId())).hasSize(2);
        assertThat(desk.ledger.signalOutcome(signal.signalId())).contains("FILLED");
        assertThat(desk.perpShort()).isEqualByComparingTo("1");
    }
}
