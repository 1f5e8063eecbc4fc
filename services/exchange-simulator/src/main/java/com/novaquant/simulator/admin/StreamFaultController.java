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
 * The market-frame faults of one venue or both (README.md, "Fault-injection admin API"): frames delivered late,
 * dropped, replaced by malformed JSON, or sent twice. They stay armed until cleared.
 */
@RestController
@RequestMapping("/admin/faults")
class StreamFaultController {

    private final Faults faults;

    StreamFaultController(Faults faults) {
        this.faults = faults;
    }

    @PostMapping("/feed-lag")
    Map<String, Object> feedLag(@RequestBody StreamFaultBody body) {
        long ms = AdminRequestChecks.nonNegative(body.ms(), "ms");
        List<Venue> venues = AdminRequestChecks.venues(body.venue());
        venues.forEach(v -> faults.feedLag(v, ms));
        return AdminJson.ok(Map.of("venues", venues, "ms", ms));
    }

    @PostMapping("/drop-frames")
    Map<String, Object> dropFrames(@RequestBody StreamFaultBody body) {
        double ratio = AdminRequestChecks.ratio(body.ratio());
        List<Venue> venues = AdminRequestChecks.venues(body.venue());
        venues.forEach(v -> faults.dropFrames(v, ratio));
        return AdminJson.ok(Map.of("venues", venues, "ratio", ratio));
    }

    @PostMapping("/malformed-frames")
    Map<String, Object> malformedFrames(@RequestBody StreamFaultBody body) {
        int count = AdminRequestChecks.count(body.count());
        List<Venue> venues = AdminRequestChecks.venues(body.venue());
        venues.forEach(v -> faults.malformedFrames(v, count));
        return AdminJson.ok(Map.of("venues", venues, "count", count));
    }

    @PostMapping("/replay-frames")
    Map<String, Object> replayFrames(@RequestBody StreamFaultBody body) {
        int count = AdminRequestChecks.count(body.count());
        List<Venue> venues = AdminRequestChecks.venues(body.venue());
        venues.forEach(v -> faults.replayFrames(v, count));
        return AdminJson.ok(Map.of("venues", venues, "count", count));
    }
}
