package com.novaquant.localstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalDeskOptionsTest {

    @Test
    void noArgumentsRunTheSyntheticMarketInTheDefaultWorkDirectory() throws Exception {
        assertThat(LocalDeskOptions.parse()).isEqualTo(new LocalDeskOptions("synthetic", null, Path.of(".local-stack"), false, false));
        assertThat(LocalDeskOptions.parse("--market", "live", "--work-dir", "/tmp/desk"))
                .isEqualTo(new LocalDeskOptions("live", null, Path.of("/tmp/desk"), false, false));
    }

    @Test
    void anUnknownArgumentIsAnsweredWithWhatWasWrongNotAStackTrace() {
        assertThatThrownBy(() -> LocalDeskOptions.parse("--markt", "live"))
                .isInstanceOf(LocalDeskOptions.UsageException.class).hasMessage("unknown argument '--markt'");
    }

    @Test
    void anOptionWithoutItsValueIsNamed() {
        assertThatThrownBy(() -> LocalDeskOptions.parse("--market"))
                .isInstanceOf(LocalDeskOptions.UsageException.class).hasMessage("--market needs a value");
        assertThatThrownBy(() -> LocalDeskOptions.parse("--work-dir", "--market", "live"))
                .isInstanceOf(LocalDeskOptions.UsageException.class).hasMessage("--work-dir needs a value");
    }

    @Test
    void aMarketThatIsNotOneOfTheThreeIsRefused() {
        assertThatThrownBy(() -> LocalDeskOptions.parse("--market", "paper"))
                .isInstanceOf(LocalDeskOptions.UsageException.class).hasMessageContaining("synthetic, live or history");
    }

    @Test
    void helpAsksForTheUsageOnly() throws Exception {
        assertThat(LocalDeskOptions.parse("--help").help()).isTrue();
        assertThat(LocalDeskOptions.parse("-h").help()).isTrue();
    }

    @Test
    void theUniverseIsAskedForOnTheSyntheticMarketOnly() throws Exception {
        assertThat(LocalDeskOptions.parse("--universe").universe()).isTrue();
        assertThat(LocalDeskOptions.parse().universe()).isFalse();
        assertThatThrownBy(() -> LocalDeskOptions.parse("--universe", "--market", "live"))
                .isInstanceOf(LocalDeskOptions.UsageException.class).hasMessageContaining("synthetic market only");
    }

    @Test
    void historyPlaysTheDemoUnlessAMirrorIsGivenAndOnlyHistoryTakesOne() throws Exception {
        assertThat(LocalDeskOptions.parse("--market", "history").historyDir()).isNull();
        assertThat(LocalDeskOptions.parse("--market", "history", "--history-dir", "/data/binance").historyDir())
                .isEqualTo(Path.of("/data/binance"));
        assertThatThrownBy(() -> LocalDeskOptions.parse("--history-dir", "/data/binance"))
                .isInstanceOf(LocalDeskOptions.UsageException.class).hasMessage("--history-dir goes with --market history");
    }
}
