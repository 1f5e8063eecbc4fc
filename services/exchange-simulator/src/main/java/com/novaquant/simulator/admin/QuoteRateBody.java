package com.novaquant.simulator.admin;

import com.novaquant.simulator.application.SyntheticQuoteRate;
import tools.jackson.databind.JsonNode;

/**
 * The body of a quote-rate change, {@code {"perSecond": 2500}}: read as a tree, so that a missing field, a value that
 * is not a number and one out of bounds are each refused with their own message (400), and nothing changes.
 */
final class QuoteRateBody {

    private QuoteRateBody() {
    }

    /** The rate asked for: a JSON number above 0 and at most {@link SyntheticQuoteRate#MAX_PER_SECOND}. */
    static double perSecond(JsonNode body) {
        JsonNode value = body == null || !body.isObject() ? null : body.get("perSecond");
        if (value == null || value.isNull()) {
            throw new BadAdminRequest("perSecond is required: book updates per second per symbol and venue, e.g. {\"perSecond\": 2500}");
        }
        if (!value.isNumber()) {
            throw new BadAdminRequest("perSecond must be a number, was " + value);
        }
        double perSecond = value.asDouble();
        if (!(perSecond > 0) || !(perSecond <= SyntheticQuoteRate.MAX_PER_SECOND)) {
            throw new BadAdminRequest("perSecond must be above 0 and at most " + (long) SyntheticQuoteRate.MAX_PER_SECOND
                    + ", was " + value.asString());
        }
        return perSecond;
    }
}
