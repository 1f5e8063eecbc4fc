package com.novaquant.simulator.admin;

import com.novaquant.simulator.application.SyntheticQuoteRate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /admin/market/quote-rate}: the synthetic market's quote rate, book updates per second per symbol and venue,
 * read and changed while the simulator runs. Another market source has no rate: 409, whatever the body.
 */
@RestController
@RequestMapping("/admin/market/quote-rate")
class QuoteRateController {

    private final SyntheticQuoteRate quoteRate;

    QuoteRateController(SyntheticQuoteRate quoteRate) {
        this.quoteRate = quoteRate;
    }

    @GetMapping
    Map<String, Object> current() {
        requireSyntheticSource();
        return Map.of("perSecond", quoteRate.perSecond());
    }

    /**
     * Changes the rate: {@code {"perSecond": 2500}} ({@link QuoteRateBody}). The pacing starts again at the new rate
     * from now.
     */
    @PostMapping
    Map<String, Object> change(@RequestBody(required = false) JsonNode body) {
        requireSyntheticSource();
        double perSecond = QuoteRateBody.perSecond(body);
        double previous = quoteRate.change(perSecond);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("perSecond", perSecond);
        out.put("previous", previous);
        return AdminJson.ok(out);
    }

    private void requireSyntheticSource() {
        if (!quoteRate.applies()) {
            throw new ConflictingAdminRequest("the quote rate belongs to the synthetic market source; this simulator runs the '"
                    + quoteRate.source() + "' source, whose frames come at their own pace");
        }
    }
}
