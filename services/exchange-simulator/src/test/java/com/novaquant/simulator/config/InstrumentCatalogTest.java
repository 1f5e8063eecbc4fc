package com.novaquant.simulator.config;

import com.novaquant.simulator.domain.market.Instrument;
import com.novaquant.simulator.domain.market.Venue;
import com.novaquant.simulator.domain.market.VenueRules;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in presets, the UNIVERSE set and the overrides, as Spring binds the configuration. */
class InstrumentCatalogTest {

    static List<Instrument> catalog(Map<String, String> properties) {
        return InstrumentCatalog.build(HistoryPropertiesTest.bind(properties));
    }

    @Test
    void universeListsTwentySixSymbolsTradedOnBothVenuesUnderTheSameName() {
        List<Instrument> all = catalog(Map.of("nova.simulator.symbols", "UNIVERSE"));

        assertThat(all).hasSize(26);
        assertThat(all).extracting(Instrument::symbol).startsWith("BTCUSDT", "ETHUSDT")
                .contains("SOLUSDT", "DOGEUSDT", "TIAUSDT", "WIFUSDT").doesNotHaveDuplicates()
                .allMatch(s -> s.endsWith("USDT") && !s.startsWith("1000"));
        assertThat(all).allSatisfy(i -> {
            assertThat(i.baseAsset() + i.quoteAsset()).isEqualTo(i.symbol());
            assertThat(i.startPrice()).isPositive();
            assertThat(i.quoteVolume24h(Venue.SPOT)).isPositive();
            assertThat(i.quoteVolume24h(Venue.USDM)).isPositive();
        });
    }

    @Test
    void everyPresetsFiltersAreConsistentWithItsPrice() {
        for (Instrument i : catalog(Map.of("nova.simulator.symbols", "UNIVERSE"))) {
            for (Venue venue : Venue.values()) {
                VenueRules r = i.rules(venue);
                assertThat(i.startPrice().remainder(r.tickSize())).as(i.symbol() + " " + venue + " start on the tick").isZero();
                // The tick is a small share of the price, so a book has distinct levels.
                assertThat(r.tickSize().divide(i.startPrice(), java.math.MathContext.DECIMAL64))
                        .as(i.symbol() + " " + venue + " tick").isLessThan(new BigDecimal("0.001"));
                assertThat(r.maxQty().remainder(r.stepSize())).as(i.symbol() + " max on the step").isZero();
                assertThat(r.marketMaxQty()).isLessThanOrEqualTo(r.maxQty());
                // The minimum quantity is worth less than the minimum notional: any order the notional allows can be sized.
                assertThat(r.minQty().multiply(i.startPrice())).as(i.symbol() + " " + venue + " min qty")
                        .isLessThanOrEqualTo(r.minNotional().max(i.startPrice()));
                assertThat(r.maxQty().multiply(i.startPrice())).as(i.symbol() + " " + venue + " max notional")
                        .isGreaterThan(new BigDecimal("1000000"));
            }
        }
    }

    @Test
    void someSymbolsSettleEveryFourHoursAndSomeAreThinOnAVenue() {
        List<Instrument> all = catalog(Map.of("nova.simulator.symbols", "UNIVERSE"));
        BigDecimal thin = new BigDecimal("5000000");

        assertThat(all).filteredOn(i -> i.fundingInterval().equals(Duration.ofHours(4))).hasSizeGreaterThanOrEqualTo(4);
        assertThat(all).filteredOn(i -> i.fundingInterval().equals(Duration.ofHours(8))).hasSizeGreaterThanOrEqualTo(15);
        assertThat(all).filteredOn(i -> i.quoteVolume24h(Venue.SPOT).compareTo(thin) < 0).hasSizeGreaterThanOrEqualTo(3);
        assertThat(all).filteredOn(i -> i.quoteVolume24h(Venue.USDM).compareTo(thin) < 0).isEmpty();
        assertThat(all).filteredOn(i -> i.symbol().equals("TIAUSDT")).singleElement()
                .satisfies(i -> assertThat(i.fundingInterval()).isEqualTo(Duration.ofHours(4)));
    }

    @Test
    void universeMixesWithListedSymbolsOnceEachAndOverridesStillApply() {
        List<Instrument> all = catalog(Map.of("nova.simulator.symbols", "fooUSDT,UNIVERSE,BTCUSDT",
                "nova.simulator.funding-interval", "1h",
                "nova.simulator.instruments.WIFUSDT.funding-interval", "2h",
                "nova.simulator.instruments.DOGEUSDT.spot-quote-volume", "1000"));

        assertThat(all).hasSize(27);
        assertThat(all.get(0).symbol()).isEqualTo("FOOUSDT");
        assertThat(all.get(0).startPrice()).isEqualByComparingTo("100");
        assertThat(all.get(0).quoteVolume24h(Venue.SPOT)).isZero();
        Map<String, Instrument> bySymbol = new java.util.HashMap<>();
        all.forEach(i -> bySymbol.put(i.symbol(), i));
        assertThat(bySymbol.get("BTCUSDT").fundingInterval()).as("the default interval").isEqualTo(Duration.ofHours(1));
        assertThat(bySymbol.get("APTUSDT").fundingInterval()).as("a 4 h preset").isEqualTo(Duration.ofHours(4));
        assertThat(bySymbol.get("WIFUSDT").fundingInterval()).as("overridden").isEqualTo(Duration.ofHours(2));
        assertThat(bySymbol.get("DOGEUSDT").quoteVolume24h(Venue.SPOT)).isEqualByComparingTo("1000");
        assertThat(bySymbol.get("DOGEUSDT").spot().tickSize()).isEqualByComparingTo("0.00001");
    }

    @Test
    void btcAndEthKeepTheirFiltersAndTheDefaultListIsUnchanged() {
        List<Instrument> defaults = catalog(Map.of());

        assertThat(defaults).extracting(Instrument::symbol).containsExactly("BTCUSDT", "ETHUSDT");
        Instrument btc = defaults.get(0);
        assertThat(btc.spot().stepSize()).isEqualByComparingTo("0.00001");
        assertThat(btc.futures().tickSize()).isEqualByComparingTo("0.10");
        assertThat(btc.futures().minNotional()).isEqualByComparingTo("100");
        assertThat(btc.fundingInterval()).isEqualTo(Duration.ofHours(8));
    }
}
