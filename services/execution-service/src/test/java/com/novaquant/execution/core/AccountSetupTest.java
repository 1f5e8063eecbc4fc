package com.novaquant.execution.core;

import com.novaquant.events.Alert;
import com.novaquant.events.Severity;
import com.novaquant.execution.application.AccountSetup;
import com.novaquant.execution.application.MarginType;
import com.novaquant.execution.application.TradingVenue.SymbolSettings;
import com.novaquant.execution.sim.SimDesk;
import com.novaquant.execution.sim.VenueFaults;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account is set up and checked before the first order: leverage and margin type on every traded symbol, One-way
 * and Single-Asset Mode, or the desk stays FROZEN with one CRITICAL that says what to change.
 */
class AccountSetupTest {

    private final SimDesk desk = new SimDesk(5, VenueFaults.none());

    private List<Alert> accountAlerts(Severity severity) {
        return desk.alerts.stream().filter(a -> a.code().equals(AccountSetup.ALERT) && a.severity() == severity)
                .toList();
    }

    @Test
    void anAccountInHedgeModeSendsNoOrderAndRaisesOneCriticalNamingTheSetting() {
        desk.venue.setHedgeMode(true);
        // A start: frozen until the account is checked, so a signal that arrives first sends nothing.
        AccountSetup setup = desk.newAccountSetup(List.of(SimDesk.SYMBOL), MarginType.CROSSED);
        assertThat(desk.trade("1")).isEqualTo("FROZEN");

        assertThat(setup.check()).isFalse();
        assertThat(setup.check()).isFalse();
        assertThat(desk.trade("1")).isEqualTo("FROZEN");

        assertThat(desk.venue.ordersPlaced()).isZero();
        assertThat(desk.criticals(AccountSetup.ALERT)).singleElement().satisfies(a -> assertThat(a.text())
                .startsWith("ACCOUNT NOT TRADABLE: USD-M position mode is Hedge Mode; the desk needs One-way Mode")
                .contains("POST /fapi/v1/positionSide/dual dualSidePosition=false")
                .endsWith("checked again every 60s."));
        assertThat(desk.gate.reason()).contains("Hedge Mode");
        assertThat(setup.tradable()).isZero();
    }

    @Test
    void multiAssetsModeIsRefusedTheSameWay() {
        desk.venue.setMultiAssetsMode(true);

        assertThat(desk.accountSetup.check()).isFalse();
        assertThat(desk.trade("1")).isEqualTo("FROZEN");
        assertThat(desk.accountSetup.check()).isFalse();

        assertThat(desk.venue.ordersPlaced()).isZero();
        assertThat(desk.criticals(AccountSetup.ALERT)).singleElement().satisfies(a -> assertThat(a.text())
                .contains("USD-M asset mode is Multi-Assets Mode; the desk needs Single-Asset Mode")
                .contains("POST /fapi/v1/multiAssetsMargin multiAssetsMargin=false")
                .doesNotContain("Hedge Mode"));
    }

    @Test
    void fixingTheSettingLiftsTheHoldAndTradingResumes() {
        desk.venue.setHedgeMode(true);
        desk.venue.setMultiAssetsMode(true);
        assertThat(desk.accountSetup.check()).isFalse();
        assertThat(desk.trade("1")).isEqualTo("FROZEN");

        // One of the two fixed: a different problem, alerted once more.
        desk.venue.setMultiAssetsMode(false);
        assertThat(desk.accountSetup.check()).isFalse();
        assertThat(desk.criticals(AccountSetup.ALERT)).hasSize(2);
        assertThat(desk.criticals(AccountSetup.ALERT).getLast().text()).contains("Hedge Mode")
                .doesNotContain("Multi-Assets");

        desk.venue.setHedgeMode(false);
        assertThat(desk.accountSetup.check()).isTrue();
        assertThat(desk.accountSetup.check()).isTrue();
        assertThat(desk.gate.held(AccountSetup.HOLD)).isFalse();
        assertThat(accountAlerts(Severity.INFO)).singleElement().satisfies(a -> assertThat(a.text())
                .startsWith("Account settings OK").endsWith("trading resumes."));
        assertThat(desk.trade("1")).isEqualTo("FILLED");
        assertThat(desk.perpShort()).isEqualByComparingTo("1");
        assertThat(desk.criticals(AccountSetup.ALERT)).hasSize(2);
    }

    @Test
    void leverageAndMarginTypeAreSetOnEveryTradedSymbolBeforeTheFirstOrder() {
        desk.listEth();
        AccountSetup setup = desk.newAccountSetup(List.of(SimDesk.SYMBOL, SimDesk.ETH), MarginType.CROSSED);
        assertThat(desk.tradeEth("1")).isEqualTo("FROZEN");

        assertThat(setup.check()).isTrue();
        assertThat(desk.venue.ordersPlaced()).isZero();
        assertThat(desk.venue.symbolSettings(SimDesk.SYMBOL))
                .isEqualTo(new SymbolSettings(SimDesk.SYMBOL, 2, MarginType.CROSSED, null));
        assertThat(desk.venue.symbolSettings(SimDesk.ETH))
                .isEqualTo(new SymbolSettings(SimDesk.ETH, 2, MarginType.CROSSED, null));

        assertThat(desk.tradeEth("1")).isEqualTo("FILLED");
        assertThat(desk.trade("1")).isEqualTo("FILLED");
        // A clean start is no incident: nothing to alert.
        assertThat(desk.alerts).isEmpty();
    }

    @Test
    void periodicChecksReadTheModesWithoutSettingEverySymbolAgain() {
        desk.listEth();
        AccountSetup setup = desk.newAccountSetup(List.of(SimDesk.SYMBOL, SimDesk.ETH), MarginType.CROSSED);
        int before = desk.venue.symbolsPrepared();
        assertThat(setup.check()).isTrue();
        int prepared = desk.venue.symbolsPrepared();
        assertThat(prepared).isEqualTo(before + 2);
        assertThat(setup.check()).isTrue();
        assertThat(setup.check()).isTrue();
        assertThat(desk.venue.symbolsPrepared()).isEqualTo(prepared);

        desk.venue.setHedgeMode(true);
        assertThat(setup.check()).isFalse();
        desk.venue.setHedgeMode(false);
        assertThat(setup.check()).isTrue();
        assertThat(desk.venue.symbolsPrepared()).as("set again after a failed check").isGreaterThan(prepared);
    }

    @Test
    void aMarginTypeTheVenueRefusesFreezesTheDeskWithTheVenuesReason() {
        assertThat(desk.trade("1")).isEqualTo("FILLED");
        // The desk is restarted configured for ISOLATED while its CROSSED short is open: Binance refuses (-4048).
        AccountSetup setup = desk.newAccountSetup(List.of(SimDesk.SYMBOL), MarginType.ISOLATED);

        assertThat(setup.check()).isFalse();
        assertThat(desk.trade("0")).isEqualTo("FROZEN");
        assertThat(desk.criticals(AccountSetup.ALERT)).singleElement().satisfies(a -> assertThat(a.text())
                .contains("BTCUSDT margin type is not ISOLATED (Binance: margin type refused: -4048")
                .contains("nova.execution.perp-margin-type")
                .doesNotContain("leverage is not"));
    }

    @Test
    void aFailedReadNeitherPassesTheCheckNorAlertsAndKeepsTheVerdict() {
        desk.venue.failAccountSettingsReads(true);
        AccountSetup setup = desk.newAccountSetup(List.of(SimDesk.SYMBOL), MarginType.CROSSED);
        assertThat(setup.check()).isFalse();
        assertThat(desk.gate.reason()).isEqualTo("account not checked yet");
        assertThat(setup.tradable()).isEqualTo(-1);

        desk.venue.failAccountSettingsReads(false);
        desk.venue.setHedgeMode(true);
        assertThat(setup.check()).isFalse();
        desk.venue.failAccountSettingsReads(true);
        assertThat(setup.check()).isFalse();
        assertThat(desk.gate.reason()).contains("Hedge Mode");
        assertThat(setup.tradable()).isZero();

        desk.venue.setHedgeMode(false);
        desk.venue.failAccountSettingsReads(false);
        assertThat(setup.check()).isTrue();
        assertThat(desk.criticals(AccountSetup.ALERT)).hasSize(1);
        assertThat(accountAlerts(Severity.INFO)).hasSize(1);
    }

    @Test
    void aPerpOrderRefusedForItsPositionSideChecksTheAccountAtOnce() {
        // Someone switched the account to Hedge Mode after the last check.
        desk.venue.setHedgeMode(true);

        assertThat(desk.trade("1")).isEqualTo("UNWOUND");

        assertThat(desk.criticals(AccountSetup.ALERT)).singleElement()
                .satisfies(a -> assertThat(a.text()).contains("Hedge Mode"));
        assertThat(desk.gate.held(AccountSetup.HOLD)).isTrue();
        assertThat(desk.spotHeld()).isLessThan(SimDesk.SPOT_FILTERS.stepSize());
        long orders = desk.venue.ordersPlaced();
        assertThat(desk.trade("1")).isEqualTo("FROZEN");
        assertThat(desk.venue.ordersPlaced()).isEqualTo(orders);
    }
}
