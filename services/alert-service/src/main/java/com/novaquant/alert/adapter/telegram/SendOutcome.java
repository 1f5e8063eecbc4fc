package com.novaquant.alert.adapter.telegram;

import java.time.Duration;

/** Every answer a Bot API call can get, classified once. */
sealed interface SendOutcome {

    record Ok() implements SendOutcome {
    }

    /** 429: {@code parameters.retry_after} seconds. */
    record RateLimited(Duration retryAfter) implements SendOutcome {
    }

    record ServerError(int status) implements SendOutcome {
    }

    record Timeout() implements SendOutcome {
    }

    record Network(String reason) implements SendOutcome {
    }

    /** 401/404: a wrong token. */
    record Unauthorized(int status) implements SendOutcome {
    }

    /** 400: Telegram refuses this message (e.g. entities it cannot parse). */
    record BadRequest(String description) implements SendOutcome {
    }

    /** 403: the bot was blocked or removed from this chat. */
    record Forbidden(String description) implements SendOutcome {
    }

    record Unexpected(int status) implements SendOutcome {
    }
}
