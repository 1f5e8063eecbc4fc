package com.novaquant.simulator.admin;

import com.novaquant.simulator.domain.market.Listing;
import com.novaquant.simulator.domain.market.Markets;
import com.novaquant.simulator.domain.market.SymbolMarket;
import com.novaquant.simulator.domain.market.Venue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Listing changes (README.md, "Fault-injection admin API"): halts or delists a symbol on one venue or both, and
 * restores it, so a scenario can take a member out of the universe and bring it back.
 */
@RestController
class ListingController {

    private final Markets markets;

    ListingController(Markets markets) {
        this.markets = markets;
    }

    /** {@code {symbol, venue?, status}}, status {@code HALT}, {@code DELIST} or {@code TRADING}; no venue: both. */
    record ListingChange(String symbol, Venue venue, String status) {
    }

    @PostMapping("/admin/market/listing")
    Map<String, Object> change(@RequestBody ListingChange body) {
        if (body.symbol() == null) {
            throw new BadAdminRequest("symbol is required");
        }
        SymbolMarket market = markets.find(body.symbol().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new BadAdminRequest("unknown symbol " + body.symbol()));
        Listing listing = listing(body.status());
        AdminRequestChecks.venues(body.venue()).forEach(v -> market.list(v, listing));
        return AdminJson.ok(view(market));
    }

    @GetMapping("/admin/market/listing")
    List<Map<String, Object>> listings() {
        return markets.all().stream().map(ListingController::view).toList();
    }

    private static Listing listing(String status) {
        if (status == null) {
            throw new BadAdminRequest("status must be HALT, DELIST or TRADING");
        }
        return switch (status.toUpperCase(Locale.ROOT)) {
            case "HALT" -> Listing.HALTED;
            case "DELIST" -> Listing.DELISTED;
            case "TRADING" -> Listing.TRADING;
            default -> throw new BadAdminRequest("status must be HALT, DELIST or TRADING, was " + status);
        };
    }

    private static Map<String, Object> view(SymbolMarket market) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", market.instrument().symbol());
        out.put("spot", market.listing(Venue.SPOT).binanceStatus(Venue.SPOT));
        out.put("usdm", market.listing(Venue.USDM).binanceStatus(Venue.USDM));
        return out;
    }
}
