package com.novaquant.alert.adapter.persistence;

import com.novaquant.alert.application.AlertOutbox;
import com.novaquant.alert.application.IncomingAlert;
import com.novaquant.alert.domain.PendingAlert;
import com.novaquant.events.Alert;
import com.novaquant.events.EventCodec;
import com.novaquant.events.EventDecodeException;
import com.novaquant.events.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox as an append-only file of JSON lines, forced to disk ({@code fsync}) after every batch:
 * <pre>
 * {"op":"add","id":7,"partition":"nova.alerts-1","offset":42,"alert":{...the Alert event...}}
 * {"op":"sent","ids":[7,8]}
 * {"op":"acked","ids":[7]}
 * {"op":"offsets","next":9,"offsets":{"nova.alerts-1":42}}     (first line after a compaction)
 * </pre>
 * Replaying the lines gives the open alerts. A torn last line (crash mid-write) is skipped. When enough closed
 * alerts have piled up the file is rewritten with only the open ones (written aside, forced, atomically moved).
 */
public final class FileAlertOutbox implements AlertOutbox {

    private static final Logger log = LoggerFactory.getLogger(FileAlertOutbox.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path path;
    private final int compactAfterClosed;
    /** Open alerts by id, in id order. */
    private final LinkedHashMap<Long, Entry> open = new LinkedHashMap<>();
    private final Map<String, Long> highestOffset = new HashMap<>();
    private FileChannel channel;
    private long nextId = 1;
    private int closedSinceCompaction;

    private static final class Entry {
        final PendingAlert alert;
        boolean sent;

        Entry(PendingAlert alert) {
            this.alert = alert;
        }
    }

    public FileAlertOutbox(Path path, int compactAfterClosed) {
        this.path = path.toAbsolutePath();
        this.compactAfterClosed = compactAfterClosed;
    }

    public Path path() {
        return path;
    }

    @Override
    public synchronized Recovered recover() {
        try {
            Files.createDirectories(path.getParent());
            if (Files.exists(path)) {
                replay();
            }
            compact();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the alert outbox " + path, e);
        }
        List<PendingAlert> pending = new ArrayList<>();
        List<PendingAlert> unacknowledged = new ArrayList<>();
        for (Entry entry : open.values()) {
            (entry.sent ? unacknowledged : pending).add(entry.alert);
        }
        log.info("Alert outbox {}: {} pending, {} CRITICAL awaiting /ack", path, pending.size(), unacknowledged.size());
        return new Recovered(pending, unacknowledged);
    }

    @Override
    public synchronized List<PendingAlert> append(List<IncomingAlert> alerts) {
        StringBuilder lines = new StringBuilder();
        List<PendingAlert> stored = new ArrayList<>();
        Map<String, Long> offsets = new HashMap<>();
        for (IncomingAlert incoming : alerts) {
            long seen = Math.max(highestOffset.getOrDefault(incoming.partition(), -1L),
                    offsets.getOrDefault(incoming.partition(), -1L));
            if (incoming.offset() <= seen) {
                continue;
            }
            offsets.put(incoming.partition(), incoming.offset());
            PendingAlert alert = new PendingAlert(nextId + stored.size(), incoming.alert());
            ObjectNode line = JSON.createObjectNode();
            line.put("op", "add");
            line.put("id", alert.id());
            line.put("partition", incoming.partition());
            line.put("offset", incoming.offset());
            line.set("alert", JSON.readTree(EventCodec.encode(incoming.alert())));
            lines.append(JSON.writeValueAsString(line)).append('\n');
            stored.add(alert);
        }
        if (stored.isEmpty()) {
            return stored;
        }
        write(lines.toString());
        nextId += stored.size();
        highestOffset.putAll(offsets);
        stored.forEach(a -> open.put(a.id(), new Entry(a)));
        return stored;
    }

    @Override
    public synchronized void markSent(Collection<PendingAlert> alerts) {
        write(idsLine("sent", alerts));
        for (PendingAlert alert : alerts) {
            Entry entry = open.get(alert.id());
            if (entry == null) {
                continue;
            }
            if (alert.severity() == Severity.CRITICAL) {
                entry.sent = true;
            } else {
                open.remove(alert.id());
                closedSinceCompaction++;
            }
        }
        compactIfDue();
    }

    @Override
    public synchronized void markAcknowledged(Collection<PendingAlert> alerts) {
        write(idsLine("acked", alerts));
        for (PendingAlert alert : alerts) {
            if (open.remove(alert.id()) != null) {
                closedSinceCompaction++;
            }
        }
        compactIfDue();
    }

    /** Open alerts (pending or awaiting /ack), for tests and diagnostics. */
    public synchronized int openCount() {
        return open.size();
    }

    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                log.warn("Closing the alert outbox failed: {}", e.toString());
            }
            channel = null;
        }
    }

    private void replay() throws IOException {
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        int skipped = 0;
        for (String text : lines) {
            if (text.isBlank()) {
                continue;
            }
            try {
                apply(JSON.readTree(text));
            } catch (JacksonException | EventDecodeException | IllegalArgumentException e) {
                skipped++;
                log.warn("Skipped an unreadable outbox line ({} chars): {}", text.length(), e.getMessage());
            }
        }
        if (skipped > 0) {
            log.warn("Alert outbox {}: {} unreadable line(s) skipped (a torn write at a crash)", path, skipped);
        }
    }

    private void apply(JsonNode line) {
        switch (line.path("op").asString()) {
            case "add" -> {
                long id = line.get("id").asLong();
                Alert alert = EventCodec.decode(JSON.writeValueAsBytes(line.get("alert")), Alert.class);
                open.put(id, new Entry(new PendingAlert(id, alert)));
                nextId = Math.max(nextId, id + 1);
                highestOffset.merge(line.get("partition").asString(), line.get("offset").asLong(), Math::max);
            }
            case "sent" -> line.get("ids").forEach(id -> {
                Entry entry = open.get(id.asLong());
                if (entry != null) {
                    if (entry.alert.severity() == Severity.CRITICAL) {
                        entry.sent = true;
                    } else {
                        open.remove(id.asLong());
                    }
                }
            });
            case "acked" -> line.get("ids").forEach(id -> open.remove(id.asLong()));
            case "offsets" -> {
                nextId = Math.max(nextId, line.get("next").asLong());
                line.get("offsets").properties().forEach(e -> highestOffset.merge(e.getKey(), e.getValue().asLong(), Math::max));
            }
            default -> throw new IllegalArgumentException("unknown outbox op " + line.path("op"));
        }
    }

    private void compactIfDue() {
        if (closedSinceCompaction >= compactAfterClosed) {
            try {
                compact();
            } catch (IOException e) {
                // The long file is still correct; try again after the next batch of closures.
                log.warn("Compacting the alert outbox failed: {}", e.toString());
            }
        }
    }

    /** Rewrites the file with only what is open, atomically. */
    private void compact() throws IOException {
        StringBuilder lines = new StringBuilder();
        ObjectNode header = JSON.createObjectNode();
        header.put("op", "offsets");
        header.put("next", nextId);
        ObjectNode offsets = header.putObject("offsets");
        highestOffset.forEach(offsets::put);
        lines.append(JSON.writeValueAsString(header)).append('\n');
        List<PendingAlert> sent = new ArrayList<>();
        for (Entry entry : open.values()) {
            ObjectNode line = JSON.createObjectNode();
            line.put("op", "add");
            line.put("id", entry.alert.id());
            line.put("partition", "compacted");
            line.put("offset", -1);
            line.set("alert", JSON.readTree(EventCodec.encode(entry.alert.alert())));
            lines.append(JSON.writeValueAsString(line)).append('\n');
            if (entry.sent) {
                sent.add(entry.alert);
            }
        }
        if (!sent.isEmpty()) {
            lines.append(idsLine("sent", sent));
        }
        close();
        Path aside = path.resolveSibling(path.getFileName() + ".compacting");
        try (FileChannel out = FileChannel.open(aside, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(out, lines.toString());
            out.force(true);
        }
        Files.move(aside, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
        closedSinceCompaction = 0;
    }

    private void write(String lines) {
        try {
            if (channel == null) {
                channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
            }
            writeFully(channel, lines);
            channel.force(false);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot write the alert outbox " + path, e);
        }
    }

    private static void writeFully(FileChannel out, String text) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    private void forceDirectory() {
        // Makes the rename itself durable; not every file system lets a directory be opened, hence best effort.
        try (FileChannel dir = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("Directory fsync not available: {}", e.toString());
        }
    }

    private static String idsLine(String op, Collection<PendingAlert> alerts) {
        ObjectNode line = JSON.createObjectNode();
        line.put("op", op);
        ArrayNode ids = line.putArray("ids");
        alerts.forEach(a -> ids.add(a.id()));
        return JSON.writeValueAsString(line) + '\n';
    }
}
