package com.novaquant.ingestion.application.scan;

import com.novaquant.ingestion.application.scan.ScanRows.Book;
import com.novaquant.ingestion.application.scan.ScanRows.Funding;
import com.novaquant.ingestion.application.scan.ScanRows.FundingInterval;
import com.novaquant.ingestion.application.scan.ScanRows.Listing;
import com.novaquant.ingestion.application.scan.ScanRows.Volume;

/**
 * The exchange's public market-wide reads. Each call blocks for at most the configured time-outs and either answers
 * or throws {@link ScanEndpointException}; a row it cannot read is counted in the reply, never thrown.
 */
public interface MarketScanSource {

    /** {@link ScanEndpoint#SPOT_EXCHANGE_INFO} or {@link ScanEndpoint#USDM_EXCHANGE_INFO}. */
    EndpointReply<Listing> listings(ScanEndpoint endpoint);

    /** {@link ScanEndpoint#SPOT_BOOK_TICKER} or {@link ScanEndpoint#USDM_BOOK_TICKER}. */
    EndpointReply<Book> books(ScanEndpoint endpoint);

    /** {@link ScanEndpoint#SPOT_TICKER_24HR} or {@link ScanEndpoint#USDM_TICKER_24HR}. */
    EndpointReply<Volume> volumes(ScanEndpoint endpoint);

    /** {@link ScanEndpoint#USDM_PREMIUM_INDEX}. */
    EndpointReply<Funding> fundings();

    /** {@link ScanEndpoint#USDM_FUNDING_INFO}: only the symbols whose funding was adjusted. */
    EndpointReply<FundingInterval> fundingIntervals();
}
