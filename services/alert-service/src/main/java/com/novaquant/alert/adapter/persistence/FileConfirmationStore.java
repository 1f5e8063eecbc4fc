package com.novaquant.alert.adapter.persistence;

import com.novaquant.alert.application.ConfirmationCodes;
import com.novaquant.alert.application.ConfirmationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The codes waiting for confirmation as one small JSON file beside the outbox (the same persistent volume), replaced
 * atomically on every change and readable by its owner only. An unreadable file is logged and treated as empty: the
 * worst case is an operator asking again.
 */
public class FileConfirmationStore implements ConfirmationStore {

    private static final Logger log = LoggerFactory.getLogger(FileConfirmationStore.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;

    public FileConfirmationStore(Path file) {
        this.file = file;
    }

    @Override
    public List<ConfirmationCodes.Pending> load() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<ConfirmationCodes.Pending> pending = new ArrayList<>();
            for (JsonNode n : JSON.readTree(Files.readString(file))) {
                pending.add(new ConfirmationCodes.Pending(n.get("codeHash").asString(), n.get("chatId").asLong(),
                        n.get("userId").asLong(), n.get("actor").asString(),
                        ConfirmationCodes.Action.valueOf(n.get("action").asString()),
                        Instant.ofEpochMilli(n.get("expiresAtMs").asLong())));
            }
            return pending;
        } catch (IOException | RuntimeException e) {
            log.warn("Confirmation codes in {} unreadable ({}): starting with none", file, e.toString());
            return List.of();
        }
    }

    @Override
    public void save(List<ConfirmationCodes.Pending> pending) {
        ArrayNode array = JSON.createArrayNode();
        for (ConfirmationCodes.Pending p : pending) {
            array.addObject().put("codeHash", p.codeHash()).put("chatId", p.chatId()).put("userId", p.userId())
                    .put("actor", p.actor()).put("action", p.action().name())
                    .put("expiresAtMs", p.expiresAt().toEpochMilli());
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, ".confirmations", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system: the volume's own permissions apply.
            }
            Files.writeString(temp, JSON.writeValueAsString(array));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the confirmation codes in " + file, e);
        }
    }
}
