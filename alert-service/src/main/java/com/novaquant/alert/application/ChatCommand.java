package com.novaquant.alert.application;

import java.time.Instant;

/**
 * A text message received on the command channel.
 *
 * @param userName the sender's @handle, or null
 * @param sentAt   when the chat platform says it was sent
 */
public record ChatCommand(long chatId, long userId, String userName, String text, Instant sentAt) {

    /** How the human shows up in execution's audit trail ({@code X-Nova-Actor}). */
    public String actor() {
        return "telegram:" + (userName == null || userName.isBlank() ? Long.toString(userId) : "@" + userName);
    }
}
