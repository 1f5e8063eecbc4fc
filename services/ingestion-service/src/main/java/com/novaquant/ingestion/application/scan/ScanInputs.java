package com.novaquant.ingestion.application.scan;

import com.novaquant.ingestion.application.scan.ScanRows.Book;
import com.novaquant.ingestion.application.scan.ScanRows.Funding;
import com.novaquant.ingestion.application.scan.ScanRows.FundingInterval;
import com.novaquant.ingestion.application.scan.ScanRows.Listing;
import com.novaquant.ingestion.application.scan.ScanRows.Volume;

import java.util.List;

/**
 * Everything one scan read, every endpoint having answered.
 *
 * @param unreadableRows rows of any endpoint that named no symbol
 */
public record ScanInputs(List<Listing> spotListings, List<Listing> perpListings,
                         List<Book> spotBooks, List<Book> perpBooks,
                         List<Volume> spotVolumes, List<Volume> perpVolumes,
                         List<Funding> fundings, List<FundingInterval> fundingIntervals,
                         int unreadableRows) {

    public ScanInputs {
        spotListings = List.copyOf(spotListings);
        perpListings = List.copyOf(perpListings);
        spotBooks = List.copyOf(spotBooks);
        perpBooks = List.copyOf(perpBooks);
        spotVolumes = List.copyOf(spotVolumes);
        perpVolumes = List.copyOf(perpVolumes);
        fundings = List.copyOf(fundings);
        fundingIntervals = List.copyOf(fundingIntervals);
    }
}
