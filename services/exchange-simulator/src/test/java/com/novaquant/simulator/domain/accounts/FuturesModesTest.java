package com.novaquant.simulator.domain.accounts;

import com.novaquant.simulator.domain.orders.RejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Binance's rules for changing the USD-M modes, and which order position sides each position mode takes. */
class FuturesModesTest {

    static void refused(int code, Executable change) {
        assertThatThrownBy(change::execute).isInstanceOfSatisfying(RejectedException.class,
                e -> assertThat(e.rejection().code()).isEqualTo(code));
    }

    @Test
    void positionModeChangesOnlyWhenFlatWithoutOpenOrdersAndNotToWhatItIs() {
        FuturesModes modes = new FuturesModes(false, false);

        refused(-4059, () -> modes.changePositionMode(false, false, false));
        refused(-4068, () -> modes.changePositionMode(true, true, false));
        refused(-4067, () -> modes.changePositionMode(true, false, true));
        assertThat(modes.dualSidePosition()).isFalse();

        modes.changePositionMode(true, false, false);
        assertThat(modes.dualSidePosition()).isTrue();
    }

    @Test
    void assetModeChangesNotToWhatItIsNotWithOpenOrdersAndNotToMultiAssetsWithAnIsolatedSymbol() {
        FuturesModes modes = new FuturesModes(false, false);

        refused(-4171, () -> modes.changeAssetMode(false, false));
        refused(-4170, () -> modes.changeAssetMode(true, true));
        modes.changeMarginType("ETHUSDT", MarginType.ISOLATED, false, false);
        refused(-4167, () -> modes.changeAssetMode(true, false));

        modes.changeMarginType("ETHUSDT", MarginType.CROSSED, false, false);
        modes.changeAssetMode(true, false);
        assertThat(modes.multiAssetsMargin()).isTrue();
    }

    @Test
    void marginTypeStartsCrossedAndChangesPerSymbolOnlyWithoutPositionOrOpenOrders() {
        FuturesModes modes = new FuturesModes(false, false);
        assertThat(modes.marginType("BTCUSDT")).isEqualTo(MarginType.CROSSED);

        refused(-4046, () -> modes.changeMarginType("BTCUSDT", MarginType.CROSSED, false, false));
        refused(-4048, () -> modes.changeMarginType("BTCUSDT", MarginType.ISOLATED, true, false));
        refused(-4047, () -> modes.changeMarginType("BTCUSDT", MarginType.ISOLATED, false, true));

        modes.changeMarginType("BTCUSDT", MarginType.ISOLATED, false, false);
        assertThat(modes.marginType("BTCUSDT")).isEqualTo(MarginType.ISOLATED);
        assertThat(modes.marginType("ETHUSDT")).isEqualTo(MarginType.CROSSED);
    }

    @Test
    void multiAssetsModeRefusesIsolatedMargin() {
        FuturesModes modes = new FuturesModes(false, true);

        refused(-4168, () -> modes.changeMarginType("BTCUSDT", MarginType.ISOLATED, false, false));
    }

    @Test
    void oneWayModeTakesBothOrNoPositionSideAndHedgeModeNeither() {
        FuturesModes oneWay = new FuturesModes(false, false);
        FuturesModes hedge = new FuturesModes(true, false);

        assertThat(oneWay.positionSideProblem(null)).isEmpty();
        assertThat(oneWay.positionSideProblem("BOTH")).isEmpty();
        assertThat(oneWay.positionSideProblem("LONG")).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(-4061));
        assertThat(hedge.positionSideProblem(null)).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo(-4061);
            assertThat(r.msg()).isEqualTo("Order's position side does not match user's setting.");
        });
        assertThat(hedge.positionSideProblem("BOTH")).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(-4061));
        // Binance would take it; Hedge Mode positions are not simulated.
        assertThat(hedge.positionSideProblem("SHORT")).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(-4084));
        assertThat(oneWay.positionSideProblem("UP")).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(-4060));
    }
}
