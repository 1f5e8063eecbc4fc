package com.novaquant.ingestion.application.scan;

import com.novaquant.events.MarketScan;
import com.novaquant.events.MarketScan.ScannedSymbol;
import com.novaquant.ingestion.application.scan.ScanRows.Book;
import com.novaquant.ingestion.application.scan.ScanRows.Funding;
import com.novaquant.ingestion.application.scan.ScanRows.FundingInterval;
import com.novaquant.ingestion.application.scan.ScanRows.Listing;
import com.novaquant.ingestion.application.scan.ScanRows.Volume;
import org.junit.jupiter.api.Test;

import static com.novaquant.ingestion.application.scan.ScanFixtures.d;
import static com.novaquant.ingestion.application.scan.ScanFixtures.replace;
import static org.assertj.core.api.Assertions.assertThat;

class MarketScanJoinTest {

    private final MarketScanJoin join = new MarketScanJoin("USDT");

    @Test
    void aSymbolOnBothVenuesCarriesEveryValueExactlyAsRead() {
        ScanFixtures market = new ScanFixtures().pair("BTCUSDT");

        JoinedScan joined = join.join(market.inputs(), 1_772_000_000_000L);

        assertThat(joined.scan().scannedAtMs()).isEqualTo(1_772_000_000_000L);
        assertThat(joined.scan().symbols()).containsExactly(new ScannedSymbol("BTCUSDT", true, d("0.00010000"), 8,
                d("100.00"), d("1.5"), d("100.01"), d("2.5"), d("100.05"), d("3"), d("100.06"), d("4"),
                d("1000000.50"), d("5000000.25")));
        assertThat(joined.scan().symbols().getFirst().fundingRate().scale()).isEqualTo(8);
        assertThat(joined.excluded()).isEmpty();
    }

    @Test
    void onlySymbolsListedOnBothVenuesInTheQuoteAssetAsAPerpetualAreScannedInNameOrder() {
        ScanFixtures market = new ScanFixtures().pair("SOLUSDT").pair("ETHUSDT").pair("BTCUSDT");
        market.spotListings.add(new Listing("DOGEUSDT", "TRADING", "USDT", null));           // spot only
        market.perpListings.add(new Listing("1000PEPEUSDT", "TRADING", "USDT", "PERPETUAL")); // perpetual only
        market.spotListings.add(new Listing("ETHBTC", "TRADING", "BTC", null));
        market.perpListings.add(new Listing("ETHBTC", "TRADING", "BTC", "PERPETUAL"));         // not USDT
        market.spotListings.add(new Listing("BTCUSDT_260327", "TRADING", "USDT", null));
        market.perpListings.add(new Listing("BTCUSDT_260327", "TRADING", "USDT", "CURRENT_QUARTER")); // delivery
        replace(market.perpListings, l -> l.symbol().equals("SOLUSDT"), new Listing("SOLUSDT", "TRADING", "USDC", "PERPETUAL"));

        MarketScan scan = join.join(market.inputs(), 1L).scan();

        assertThat(scan.symbols()).extracting(ScannedSymbol::symbol).containsExactly("BTCUSDT", "ETHUSDT");
    }

    @Test
    void theQuoteAssetIsConfigurable() {
        ScanFixtures market = new ScanFixtures().pair("BTCUSDT");
        market.spotListings.add(new Listing("BTCUSDC", "TRADING", "USDC", null));
        market.perpListings.add(new Listing("BTCUSDC", "TRADING", "USDC", "PERPETUAL"));
        market.spotBooks.add(new Book("BTCUSDC", d("1"), d("1"), d("2"), d("1")));
        market.perpBooks.add(new Book("BTCUSDC", d("1"), d("1"), d("2"), d("1")));
        market.spotVolumes.add(new Volume("BTCUSDC", d("10")));
        market.perpVolumes.add(new Volume("BTCUSDC", d("10")));
        market.fundings.add(new Funding("BTCUSDC", d("0.0001"), 5L));

        MarketScan scan = new MarketScanJoin("USDC").join(market.inputs(), 1L).scan();

        assertThat(scan.symbols()).extracting(ScannedSymbol::symbol).containsExactly("BTCUSDC");
    }

    @Test
    void aSymbolHaltedOnEitherVenueIsScannedAsNotTradable() {
        ScanFixtures market = new ScanFixtures().pair("BTCUSDT").pair("ETHUSDT").pair("XRPUSDT");
        replace(market.spotListings, l -> l.symbol().equals("ETHUSDT"), new Listing("ETHUSDT", "BREAK", "USDT", null));
        replace(market.perpListings, l -> l.symbol().equals("XRPUSDT"), new Listing("XRPUSDT", "SETTLING", "USDT", "PERPETUAL"));

        MarketScan scan = join.join(market.inputs(), 1L).scan();

        assertThat(scan.symbols()).extracting(ScannedSymbol::symbol, ScannedSymbol::tradable)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BTCUSDT", true),
                        org.assertj.core.groups.Tuple.tuple("ETHUSDT", false),
                        org.assertj.core.groups.Tuple.tuple("XRPUSDT", false));
    }

    @Test
    void theFundingIntervalIsFundingInfosWhenListedElseEightHours() {
        ScanFixtures market = new ScanFixtures().pair("BTCUSDT").pair("ETHUSDT");
        market.intervals.add(new FundingInterval("ETHUSDT", 4));
        market.intervals.add(new FundingInterval("NOTSCANNEDUSDT", 1));

        MarketScan scan = join.join(market.inputs(), 1L).scan();

        assertThat(scan.symbols()).extracting(ScannedSymbol::symbol, ScannedSymbol::fundingIntervalHours)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BTCUSDT", 8),
                        org.assertj.core.groups.Tuple.tuple("ETHUSDT", 4));
    }

    @Test
    void aSymbolMissingABookAVolumeOrAFundingIsLeftOutAndCounted() {
        ScanFixtures market = new ScanFixtures().pair("AUSDT").pair("BUSDT").pair("CUSDT").pair("DUSDT").pair("EUSDT");
        market.spotBooks.removeIf(b -> b.symbol().equals("BUSDT"));
        market.perpBooks.removeIf(b -> b.symbol().equals("CUSDT"));
        market.perpVolumes.removeIf(v -> v.symbol().equals("DUSDT"));
        market.fundings.removeIf(f -> f.symbol().equals("EUSDT"));

        JoinedScan joined = join.join(market.inputs(), 1L);

        assertThat(joined.scan().symbols()).extracting(ScannedSymbol::symbol).containsExactly("AUSDT");
        assertThat(joined.excluded(ExclusionReason.MISSING_BOOK)).isEqualTo(2);
        assertThat(joined.excluded(ExclusionReason.MISSING_VOLUME)).isEqualTo(1);
        assertThat(joined.excluded(ExclusionReason.MISSING_FUNDING)).isEqualTo(1);
    }

    @Test
    void absurdOrUnreadableValuesExcludeTheSymbolUnderTheirReason() {
        ScanFixtures market = new ScanFixtures().pair("OKUSDT").pair("NEGUSDT").pair("ZEROUSDT").pair("CROSSUSDT")
                .pair("LOCKUSDT").pair("NANUSDT").pair("QTYUSDT").pair("VOLUSDT").pair("RATEUSDT").pair("IVLUSDT")
                .pair("TIMEUSDT");
        replace(market.spotBooks, b -> b.symbol().equals("NEGUSDT"), new Book("NEGUSDT", d("-1"), d("1"), d("2"), d("1")));
        replace(market.perpBooks, b -> b.symbol().equals("ZEROUSDT"), new Book("ZEROUSDT", d("0"), d("0"), d("0"), d("0")));
        replace(market.perpBooks, b -> b.symbol().equals("CROSSUSDT"), new Book("CROSSUSDT", d("101"), d("1"), d("100"), d("1")));
        replace(market.spotBooks, b -> b.symbol().equals("LOCKUSDT"), new Book("LOCKUSDT", d("100"), d("1"), d("100"), d("1")));
        replace(market.spotBooks, b -> b.symbol().equals("NANUSDT"), new Book("NANUSDT", null, d("1"), d("100"), d("1")));
        replace(market.perpBooks, b -> b.symbol().equals("QTYUSDT"), new Book("QTYUSDT", d("1"), d("-1"), d("2"), d("1")));
        replace(market.spotVolumes, v -> v.symbol().equals("VOLUSDT"), new Volume("VOLUSDT", d("-5")));
        replace(market.fundings, f -> f.symbol().equals("RATEUSDT"), new Funding("RATEUSDT", null, 5L));
        replace(market.fundings, f -> f.symbol().equals("TIMEUSDT"), new Funding("TIMEUSDT", d("0.0001"), 0L));
        market.intervals.add(new FundingInterval("IVLUSDT", 0));
        market.unreadableRows = 3;

        JoinedScan joined = join.join(market.inputs(), 1L);

        assertThat(joined.scan().symbols()).extracting(ScannedSymbol::symbol).containsExactly("OKUSDT");
        assertThat(joined.excluded(ExclusionReason.NON_POSITIVE_PRICE)).isEqualTo(2);
        assertThat(joined.excluded(ExclusionReason.CROSSED_BOOK)).isEqualTo(2);
        assertThat(joined.excluded(ExclusionReason.UNREADABLE_VALUE)).isEqualTo(3);
        assertThat(joined.excluded(ExclusionReason.NEGATIVE_QUANTITY)).isEqualTo(1);
        assertThat(joined.excluded(ExclusionReason.NEGATIVE_VOLUME)).isEqualTo(1);
        assertThat(joined.excluded(ExclusionReason.INVALID_FUNDING_INTERVAL)).isEqualTo(1);
        assertThat(joined.excluded(ExclusionReason.UNREADABLE_ROW)).isEqualTo(3);
    }

    @Test
    void aSymbolListedTwiceKeepsItsFirstRow() {
        ScanFixtures market = new ScanFixtures().pair("BTCUSDT");
        market.spotBooks.add(new Book("BTCUSDT", d("1"), d("1"), d("2"), d("1")));

        MarketScan scan = join.join(market.inputs(), 1L).scan();

        assertThat(scan.symbols()).singleElement().extracting(ScannedSymbol::spotBid).isEqualTo(d("100.00"));
    }
}
