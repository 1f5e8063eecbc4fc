package com.novaquant.simulator.admin;

import com.novaquant.simulator.application.Faults;
import com.novaquant.simulator.domain.market.Venue;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * The REST faults (README.md, "Fault-injection admin API"): every response delayed, a venue's API banned (418), or
 * every call rate limited (429), for as long as asked.
 */
@RestController
@RequestMapping("/admin/faults")
class RestFaultController {

    private final Faults faults;

    RestFaultController(Faults faults) {
        this.faults = faults;
    }

    record Seconds(Long seconds) {
    }

    /** No venue: every venue's API. */
    record VenueSeconds(Venue venue, Long seconds) {
    }

    @PostMapping("/response-delay")
    Map<String, Object> responseDelay(@RequestBody Millis body) {
        long ms = AdminRequestChecks.nonNegative(body.ms(), "ms");
        faults.responseDelay(ms);
        return AdminJson.ok(Map.of("ms", ms));
    }

    @PostMapping("/ban")
    Map<String, Object> ban(@RequestBody VenueSeconds body) {
        long seconds = AdminRequestChecks.nonNegative(body.seconds(), "seconds");
        List<Venue> venues = AdminRequestChecks.venues(body.venue());
        venues.forEach(venue -> faults.ban(venue, seconds));
        return AdminJson.ok(Map.of("seconds", seconds, "venues", venues));
    }

    @PostMapping("/rate-limit")
    Map<String, Object> rateLimit(@RequestBody Seconds body) {
        long seconds = AdminRequestChecks.nonNegative(body.seconds(), "seconds");
        faults.rateLimit(seconds);
        return AdminJson.ok(Map.of("seconds", seconds));
    }
}
