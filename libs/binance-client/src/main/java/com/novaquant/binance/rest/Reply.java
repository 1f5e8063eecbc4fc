package com.novaquant.binance.rest;

import com.novaquant.binance.outcome.OrderOutcome;
import tools.jackson.databind.JsonNode;

/** What the transport hands back: a parsed 2xx body, or an already classified failure. */
sealed interface Reply permits Reply.Ok, Reply.Failed {

    record Ok(JsonNode body) implements Reply {
    }

    record Failed(OrderOutcome outcome) implements Reply {
    }
}
