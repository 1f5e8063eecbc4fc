package com.novaquant.alert.adapter.telegram;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keeps us inside Telegram's limits before we hit them: a minimum gap per chat (private chats ~1/s, groups 20/min)
 * and an overall ceiling per second. Callers block until their slot; shared by alert delivery and command replies.
 */
final class SendPacer {

    private final Duration perChat;
    private final Duration perGroup;
    private final long globalGapNanos;
    private final Map<Long, Long> nextForChat = new HashMap<>();
    private long nextGlobal;

    SendPacer(Duration perChat, Duration perGroup, int maxPerSecond) {
        this.perChat = perChat;
        this.perGroup = perGroup;
        this.globalGapNanos = TimeUnit.SECONDS.toNanos(1) / maxPerSecond;
    }

    /** Blocks until a message to {@code chatId} may be sent, and books that slot. */
    void awaitSlot(long chatId) throws InterruptedException {
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            long chatReady = nextForChat.getOrDefault(chatId, now);
            slot = Math.max(now, Math.max(chatReady, nextGlobal));
            nextGlobal = slot + globalGapNanos;
            nextForChat.put(chatId, slot + (chatId < 0 ? perGroup : perChat).toNanos());
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
