package com.novaquant.history;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The paths are data.binance.vision's own, so that a mirror and the site share them. */
class BulkLayoutTest {

    private static final YearMonth JANUARY = YearMonth.of(2024, 1);

    @Test
    void fundingFilesLiveUnderTheUsdmFundingRateFolder() {
        assertThat(BulkLayout.fundingZip("BTCUSDT", JANUARY))
                .isEqualTo("data/futures/um/monthly/fundingRate/BTCUSDT/BTCUSDT-fundingRate-2024-01.zip");
    }

    @Test
    void spotKlinesLiveUnderTheSpotKlinesFolderByInterval() {
        assertThat(BulkLayout.klineZip(Market.SPOT, "BTCUSDT", JANUARY))
                .isEqualTo("data/spot/monthly/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01.zip");
    }

    @Test
    void usdmKlinesLiveUnderTheFuturesKlinesFolderByInterval() {
        assertThat(BulkLayout.klineZip(Market.USDM, "ETHUSDT", YearMonth.of(2025, 11)))
                .isEqualTo("data/futures/um/monthly/klines/ETHUSDT/1m/ETHUSDT-1m-2025-11.zip");
    }

    @Test
    void theChecksumAndTheCsvSitBesideTheZip() {
        String zip = BulkLayout.klineZip(Market.SPOT, "BTCUSDT", JANUARY);

        assertThat(BulkLayout.checksumOf(zip)).isEqualTo(zip + ".CHECKSUM");
        assertThat(BulkLayout.csvOf(zip)).isEqualTo("data/spot/monthly/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01.csv");
        assertThat(BulkLayout.fileName(BulkLayout.csvOf(zip))).isEqualTo("BTCUSDT-1m-2024-01.csv");
    }

    @Test
    void aPathThatIsNoZipHasNoCsv() {
        assertThatThrownBy(() -> BulkLayout.csvOf("data/x.csv")).isInstanceOf(IllegalArgumentException.class);
    }
}
