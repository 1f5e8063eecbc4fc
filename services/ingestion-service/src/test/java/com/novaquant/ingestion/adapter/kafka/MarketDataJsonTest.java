package com.novaquant.ingestion.adapter.kafka;

import com.novaquant.events.EventCodec;
import com.novaquant.events.FundingRate;
import com.novaquant.events.Quote;
import com.novaquant.events.Venue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class MarketDataJsonTest {

    @Test
    void quoteBytesAreIdenticalToTheSharedCodec() {
        Quote quote = new Quote("BTCUSDT", Venue.USDM, BigDecimal.valueOf(6425001000000L, 8), new BigDecimal("0.00000001"),
                new BigDecimal("64250.02"), new BigDecimal("1E+3"), 8812345678901L, 1772000000456L, 1772000000457123L);
        assertThat(new String(MarketDataJson.quote(quote))).isEqualTo(EventCodec.encodeToString(quote));
        assertThat(EventCodec.decode(MarketDataJson.quote(quote), Quote.class)).isEqualTo(quote);
    }

    @Test
    void fundingBytesAreIdenticalToTheSharedCodec() {
        FundingRate funding = new FundingRate("ETHUSDT", new BigDecimal("3150.53000000"), new BigDecimal("3150.77812345"),
                new BigDecimal("-0.00012500"), 1772006400000L, 1772003600000L, 1772003600001999L);
        for (FundingRate withInterval : new FundingRate[]{funding, funding.withFundingIntervalHours(4)}) {
            assertThat(new String(MarketDataJson.funding(withInterval))).isEqualTo(EventCodec.encodeToString(withInterval));
            assertThat(EventCodec.decode(MarketDataJson.funding(withInterval), FundingRate.class)).isEqualTo(withInterval);
        }
        assertThat(new String(MarketDataJson.funding(funding.withFundingIntervalHours(4))))
                .contains("\"fundingIntervalHours\":4,\"v\":1}");
    }
}
