package com.novaquant.ingestion.application.scan;

import com.novaquant.ingestion.application.scan.ScanRows.Book;
import com.novaquant.ingestion.application.scan.ScanRows.Funding;
import com.novaquant.ingestion.application.scan.ScanRows.FundingInterval;
import com.novaquant.ingestion.application.scan.ScanRows.Listing;
import com.novaquant.ingestion.application.scan.ScanRows.Volume;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A small market built row by row, for the join and the scanner's in-memory exchange. */
final class ScanFixtures {

    final List<Listing> spotListings = new ArrayList<>();
    final List<Listing> perpListings = new ArrayList<>();
    final List<Book> spotBooks = new ArrayList<>();
    final List<Book> perpBooks = new ArrayList<>();
    final List<Volume> spotVolumes = new ArrayList<>();
    final List<Volume> perpVolumes = new ArrayList<>();
    final List<Funding> fundings = new ArrayList<>();
    final List<FundingInterval> intervals = new ArrayList<>();
    int unreadableRows;

    /** A complete, sane USDT symbol on both venues. */
    ScanFixtures pair(String symbol) {
        spotListings.add(new Listing(symbol, "TRADING", "USDT", null));
        perpListings.add(new Listing(symbol, "TRADING", "USDT", "PERPETUAL"));
        spotBooks.add(new Book(symbol, d("100.00"), d("1.5"), d("100.01"), d("2.5")));
        perpBooks.add(new Book(symbol, d("100.05"), d("3"), d("100.06"), d("4")));
        spotVolumes.add(new Volume(symbol, d("1000000.50")));
        perpVolumes.add(new Volume(symbol, d("5000000.25")));
        fundings.add(new Funding(symbol, d("0.00010000"), 1_772_006_400_000L));
        return this;
    }

    ScanInputs inputs() {
        return new ScanInputs(spotListings, perpListings, spotBooks, perpBooks, spotVolumes, perpVolumes, fundings,
                intervals, unreadableRows);
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static <T> void replace(List<T> rows, java.util.function.Predicate<T> which, T replacement) {
        rows.replaceAll(row -> which.test(row) ? replacement : row);
    }
}
