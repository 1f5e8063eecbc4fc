package com.novaquant.alert.application;

import java.time.Instant;

/**
 * A text message received on the command channel.
 *
 * @param userName the sender's @handle, or null
 * @param sentAt   when the chat platform says it was sent
 */
public record ChatCommand(long chatId, long userId, String userName, String text, Instant sentAt) {

    /**
     * How the human is named to execution ({@code X-Nova-Actor}); its audit trail records
     * {@code "alert-bridge for telegram:@alice"}.
     */
    public String actor() {
        return "telegram:" + (userName == null || userName.isBlank() ? Long.toString(userId) : "@" + userName);
    }
}
