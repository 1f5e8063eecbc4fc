package com.novaquant.simulator.admin;

import com.novaquant.simulator.adapter.ws.StreamHub;
import com.novaquant.simulator.application.Faults;
import com.novaquant.simulator.domain.market.Venue;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Closes every market-stream connection of one venue or both (no body or no venue: both), at once: abruptly, as a
 * fault, or as a planned close that sends {@code serverShutdown} first. Answers how many were closed.
 */
@RestController
@RequestMapping("/admin")
class StreamConnectionController {

    private final StreamHub hub;
    private final Faults faults;

    StreamConnectionController(StreamHub hub, Faults faults) {
        this.hub = hub;
        this.faults = faults;
    }

    @PostMapping("/faults/disconnect")
    Map<String, Object> disconnect(@RequestBody(required = false) StreamFaultBody body) {
        int closed = hub.disconnect(venue(body), "fault");
        faults.count("disconnect");
        return AdminJson.ok(Map.of("closed", closed));
    }

    @PostMapping("/market/shutdown-notice")
    Map<String, Object> shutdownNotice(@RequestBody(required = false) StreamFaultBody body) {
        return AdminJson.ok(Map.of("closed", hub.shutdownNotice(venue(body))));
    }

    private static Venue venue(StreamFaultBody body) {
        return body == null ? null : body.venue();
    }
}
