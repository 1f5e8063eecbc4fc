package com.novaquant.ingestion.application.scan;

import com.novaquant.events.MarketScan;
import com.novaquant.events.MarketScan.ScannedSymbol;
import com.novaquant.ingestion.application.scan.ScanRows.Book;
import com.novaquant.ingestion.application.scan.ScanRows.Funding;
import com.novaquant.ingestion.application.scan.ScanRows.FundingInterval;
import com.novaquant.ingestion.application.scan.ScanRows.Listing;
import com.novaquant.ingestion.application.scan.ScanRows.Volume;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The rules that turn one scan's reads into a {@link MarketScan}:
 * <ul>
 *   <li>a candidate is a symbol listed on spot and as a USD-M {@code PERPETUAL} under the same name, quoted in the
 *       configured asset on both;</li>
 *   <li>it is {@code tradable} when its status is {@code TRADING} on both venues;</li>
 *   <li>it needs a book and a 24 h volume on each venue and a funding rate; one missing, or a value that is
 *       unreadable or absurd, leaves the symbol out under a counted reason, never the scan;</li>
 *   <li>its funding interval is fundingInfo's when listed there, else Binance's default 8 h.</li>
 * </ul>
 * Symbols on one venue only are no candidates and are not counted. Symbols come out in name order.
 */
public final class MarketScanJoin {

    /** Binance's funding interval for a perpetual fundingInfo does not list. */
    public static final int DEFAULT_FUNDING_INTERVAL_HOURS = 8;

    private static final String TRADING = "TRADING";
    private static final String PERPETUAL = "PERPETUAL";

    private final String quoteAsset;

    public MarketScanJoin(String quoteAsset) {
        if (quoteAsset == null || quoteAsset.isBlank()) {
            throw new IllegalArgumentException("the quote asset is required");
        }
        this.quoteAsset = quoteAsset;
    }

    public JoinedScan join(ScanInputs inputs, long scannedAtMs) {
        Map<String, Listing> spot = byFirst(inputs.spotListings(), Listing::symbol);
        Map<String, Listing> perps = byFirst(inputs.perpListings(), Listing::symbol);
        Map<String, Book> spotBooks = byFirst(inputs.spotBooks(), Book::symbol);
        Map<String, Book> perpBooks = byFirst(inputs.perpBooks(), Book::symbol);
        Map<String, Volume> spotVolumes = byFirst(inputs.spotVolumes(), Volume::symbol);
        Map<String, Volume> perpVolumes = byFirst(inputs.perpVolumes(), Volume::symbol);
        Map<String, Funding> fundings = byFirst(inputs.fundings(), Funding::symbol);
        Map<String, FundingInterval> intervals = byFirst(inputs.fundingIntervals(), FundingInterval::symbol);

        Map<ExclusionReason, Integer> excluded = new EnumMap<>(ExclusionReason.class);
        if (inputs.unreadableRows() > 0) {
            excluded.put(ExclusionReason.UNREADABLE_ROW, inputs.unreadableRows());
        }
        List<ScannedSymbol> symbols = new ArrayList<>();
        for (String symbol : candidates(spot, perps)) {
            Book spotBook = spotBooks.get(symbol);
            Book perpBook = perpBooks.get(symbol);
            Volume spotVolume = spotVolumes.get(symbol);
            Volume perpVolume = perpVolumes.get(symbol);
            Funding funding = fundings.get(symbol);
            FundingInterval listed = intervals.get(symbol);
            ExclusionReason reason = check(spotBook, perpBook, spotVolume, perpVolume, funding, listed);
            if (reason != null) {
                excluded.merge(reason, 1, Integer::sum);
                continue;
            }
            boolean tradable = TRADING.equals(spot.get(symbol).status()) && TRADING.equals(perps.get(symbol).status());
            int intervalHours = listed == null ? DEFAULT_FUNDING_INTERVAL_HOURS : listed.hours();
            symbols.add(new ScannedSymbol(symbol, tradable, funding.lastFundingRate(), intervalHours,
                    spotBook.bid(), spotBook.bidQty(), spotBook.ask(), spotBook.askQty(),
                    perpBook.bid(), perpBook.bidQty(), perpBook.ask(), perpBook.askQty(),
                    spotVolume.quoteVolume(), perpVolume.quoteVolume()));
        }
        return new JoinedScan(new MarketScan(scannedAtMs, symbols), excluded);
    }

    private TreeSet<String> candidates(Map<String, Listing> spot, Map<String, Listing> perps) {
        TreeSet<String> candidates = new TreeSet<>();
        for (Listing listing : spot.values()) {
            Listing perp = perps.get(listing.symbol());
            if (perp != null && quoteAsset.equals(listing.quoteAsset()) && quoteAsset.equals(perp.quoteAsset())
                    && PERPETUAL.equals(perp.contractType())) {
                candidates.add(listing.symbol());
            }
        }
        return candidates;
    }

    /** The first rule the symbol breaks, or null. Presence first, so that a gap is told apart from bad data. */
    private static ExclusionReason check(Book spotBook, Book perpBook, Volume spotVolume, Volume perpVolume,
                                         Funding funding, FundingInterval listed) {
        if (spotBook == null || perpBook == null) {
            return ExclusionReason.MISSING_BOOK;
        }
        if (spotVolume == null || perpVolume == null) {
            return ExclusionReason.MISSING_VOLUME;
        }
        if (funding == null) {
            return ExclusionReason.MISSING_FUNDING;
        }
        ExclusionReason book = checkBook(spotBook);
        if (book == null) {
            book = checkBook(perpBook);
        }
        if (book != null) {
            return book;
        }
        if (spotVolume.quoteVolume() == null || perpVolume.quoteVolume() == null) {
            return ExclusionReason.UNREADABLE_VALUE;
        }
        if (spotVolume.quoteVolume().signum() < 0 || perpVolume.quoteVolume().signum() < 0) {
            return ExclusionReason.NEGATIVE_VOLUME;
        }
        if (funding.lastFundingRate() == null || funding.nextFundingTimeMs() <= 0) {
            return ExclusionReason.UNREADABLE_VALUE;
        }
        if (listed != null && (listed.hours() < 1 || listed.hours() > 24)) {
            return ExclusionReason.INVALID_FUNDING_INTERVAL;
        }
        return null;
    }

    private static ExclusionReason checkBook(Book book) {
        if (book.bid() == null || book.bidQty() == null || book.ask() == null || book.askQty() == null) {
            return ExclusionReason.UNREADABLE_VALUE;
        }
        if (book.bid().signum() <= 0 || book.ask().signum() <= 0) {
            return ExclusionReason.NON_POSITIVE_PRICE;
        }
        if (book.bidQty().signum() < 0 || book.askQty().signum() < 0) {
            return ExclusionReason.NEGATIVE_QUANTITY;
        }
        if (book.bid().compareTo(book.ask()) >= 0) {
            return ExclusionReason.CROSSED_BOOK;
        }
        return null;
    }

    /** A symbol listed twice keeps its first row: a repeated row is the exchange's glitch, not a second market. */
    private static <T> Map<String, T> byFirst(List<T> rows, Function<T, String> symbol) {
        Map<String, T> out = new HashMap<>(rows.size() * 2);
        for (T row : rows) {
            out.putIfAbsent(symbol.apply(row), row);
        }
        return out;
    }
}
