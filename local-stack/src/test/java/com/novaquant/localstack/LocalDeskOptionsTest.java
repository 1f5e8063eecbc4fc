package com.novaquant.localstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalDeskOptionsTest {

    @Test
    void noArgumentsRunTheSyntheticMarketInTheDefaultWorkDirectory() throws Exception {
        assertThat(LocalDeskOptions.parse()).isEqualTo(new LocalDeskOptions("synthetic", Path.of(".local-stack"), false));
        assertThat(LocalDeskOptions.parse("--market", "live", "--work-dir", "/tmp/desk"))
                .isEqualTo(new LocalDeskOptions("live", Path.of("/tmp/desk"), false));
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
    void aMarketThatIsNeitherSyntheticNorLiveIsRefused() {
        assertThatThrownBy(() -> LocalDeskOptions.parse("--market", "paper"))
                .isInstanceOf(LocalDeskOptions.UsageException.class).hasMessageContaining("synthetic or live");
    }

    @Test
    void helpAsksForTheUsageOnly() throws Exception {
        assertThat(LocalDeskOptions.parse("--help").help()).isTrue();
        assertThat(LocalDeskOptions.parse("-h").help()).isTrue();
    }
}
