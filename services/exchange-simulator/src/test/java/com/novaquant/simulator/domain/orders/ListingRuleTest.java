package com.novaquant.simulator.domain.orders;

import com.novaquant.simulator.domain.market.Listing;
import com.novaquant.simulator.domain.market.Venue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ListingRuleTest {

    static int code(Listing listing, Venue venue, boolean reduceOnly) {
        try {
            ListingRule.admit(listing, venue, reduceOnly);
            return 0;
        } catch (RejectedException e) {
            return e.rejection().code();
        }
    }

    @Test
    void spotTakesOrdersOnlyWhileTrading() {
        assertThat(code(Listing.TRADING, Venue.SPOT, false)).isZero();
        assertThat(code(Listing.HALTED, Venue.SPOT, false)).isEqualTo(-1013);
        assertThat(code(Listing.DELISTED, Venue.SPOT, false)).isEqualTo(-1013);
    }

    @Test
    void aHaltedPerpetualTakesOnlyReduceOnlyOrdersAndADelistedOneNone() {
        assertThat(code(Listing.TRADING, Venue.USDM, false)).isZero();
        assertThat(code(Listing.HALTED, Venue.USDM, true)).isZero();
        assertThat(code(Listing.HALTED, Venue.USDM, false)).isEqualTo(-4140);
        assertThat(code(Listing.DELISTED, Venue.USDM, true)).isEqualTo(-4141);
    }
}
