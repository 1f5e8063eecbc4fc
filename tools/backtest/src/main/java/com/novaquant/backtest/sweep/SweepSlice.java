package com.novaquant.backtest.sweep;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The outcomes of one slice of a sweep, as a file {@code slice-<i>-of-<n>.json}: what a machine (or an index of a
 * Kubernetes Indexed Job) hands to the report that gathers them.
 *
 * @param gridSize the number of points in the whole grid, so the gathering can tell a slice is missing points
 */
public record SweepSlice(int slice, int slices, int gridSize, List<SweepOutcome> outcomes) {

    static final JsonMapper JSON = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    public static String fileName(int slice, int slices) {
        return "slice-" + slice + "-of-" + slices + ".json";
    }

    /** Writes the file whole or not at all: a reader never sees half a slice. */
    public Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(fileName(slice, slices));
        Path temp = Files.createTempFile(dir, ".slice-", ".tmp");
        try {
            Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    public static SweepSlice read(Path file) throws IOException {
        try {
            return JSON.readValue(Files.readString(file), SweepSlice.class);
        } catch (tools.jackson.core.JacksonException e) {
            throw new IOException(file + " is not a sweep slice: " + e.getOriginalMessage(), e);
        }
    }
}
