package com.novaquant.deployment;

import org.yaml.snakeyaml.Yaml;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * A container image in the tarball format of {@code docker save} (what Jib's buildTar writes and what
 * {@code skopeo copy docker-archive:} pushes): manifest.json naming the config and the layers in order, each layer a
 * tar, gzip-compressed or not. Read without a container engine.
 */
final class ImageTarball {

    private final Path tar;
    private final Map<String, Object> manifest;
    private final Map<String, Object> config;

    private ImageTarball(Path tar, Map<String, Object> manifest, Map<String, Object> config) {
        this.tar = tar;
        this.manifest = manifest;
        this.config = config;
    }

    @SuppressWarnings("unchecked")
    static ImageTarball read(Path tar) throws IOException {
        Map<String, byte[]> json = new HashMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(tar))) {
            Tar.scan(in, (entry, content) -> {
                if (entry.isFile() && entry.name().endsWith(".json") && entry.size() < 4 << 20) {
                    json.put(entry.name(), content.readAllBytes());
                }
            });
        }
        byte[] manifestJson = json.get("manifest.json");
        if (manifestJson == null) {
            throw new IOException(tar + " has no manifest.json: not a docker-save image tarball");
        }
        List<Map<String, Object>> manifests = new Yaml().load(new String(manifestJson, StandardCharsets.UTF_8));
        if (manifests.size() != 1) {
            throw new IOException(tar + " holds " + manifests.size() + " images, expected one");
        }
        Map<String, Object> manifest = manifests.get(0);
        byte[] configJson = json.get((String) manifest.get("Config"));
        if (configJson == null) {
            throw new IOException(tar + " lacks its config " + manifest.get("Config"));
        }
        return new ImageTarball(tar, manifest, new Yaml().load(new String(configJson, StandardCharsets.UTF_8)));
    }

    /** A base image of one layer with the given files, and the given environment, written as a tarball. */
    static void writeBase(Path target, List<Tar.Member> files, List<String> env) throws IOException {
        byte[] layer = Tar.write(files);
        String diffId = "sha256:" + sha256(layer);
        StringBuilder envJson = new StringBuilder();
        for (String variable : env) {
            envJson.append(envJson.isEmpty() ? "" : ",").append('"').append(variable).append('"');
        }
        String config = """
                {"architecture":"amd64","os":"linux","config":{"Env":[%s]},\
                "rootfs":{"type":"layers","diff_ids":["%s"]},\
                "history":[{"created_by":"release test base image"}]}""".formatted(envJson, diffId);
        String manifest = "[{\"Config\":\"config.json\",\"RepoTags\":[\"nova-test/base:1\"],\"Layers\":[\"layer.tar\"]}]";
        Files.write(target, Tar.write(List.of(new Tar.Member("config.json", config),
                new Tar.Member("layer.tar", layer, 0644), new Tar.Member("manifest.json", manifest))));
    }

    @SuppressWarnings("unchecked")
    List<String> repoTags() {
        return (List<String>) manifest.getOrDefault("RepoTags", List.of());
    }

    List<String> layers() {
        @SuppressWarnings("unchecked")
        List<String> layers = (List<String>) manifest.get("Layers");
        return layers;
    }

    Map<String, Object> config() {
        return config;
    }

    /** The runtime part of the configuration: Env, Entrypoint, User, WorkingDir, ExposedPorts, Labels. */
    @SuppressWarnings("unchecked")
    Map<String, Object> runtime() {
        return (Map<String, Object>) config.get("config");
    }

    @SuppressWarnings("unchecked")
    List<String> diffIds() {
        return (List<String>) ((Map<String, Object>) config.get("rootfs")).get("diff_ids");
    }

    /** Environment of the image: NAME -> value. */
    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<String> variables = (List<String>) runtime().getOrDefault("Env", List.of());
        for (String variable : variables) {
            int equals = variable.indexOf('=');
            env.put(variable.substring(0, equals), variable.substring(equals + 1));
        }
        return env;
    }

    /** One layer's members, in layer order, with the content of those that keepContent accepts. */
    record Layer(int index, List<Tar.Entry> entries, Map<String, byte[]> contents) {
        boolean contains(String path) {
            return entries.stream().anyMatch(e -> e.name().equals(path) || e.name().equals(path + "/"));
        }
    }

    /** Reads every layer (one pass over the tarball), keeping the content of the files keepContent accepts. */
    List<Layer> readLayers(Predicate<String> keepContent) throws IOException {
        List<String> names = layers();
        Layer[] layers = new Layer[names.size()];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(tar))) {
            Tar.scan(in, (entry, content) -> {
                int index = names.indexOf(entry.name());
                if (index < 0) {
                    return;
                }
                List<Tar.Entry> entries = new ArrayList<>();
                Map<String, byte[]> contents = new HashMap<>();
                Tar.scan(uncompressed(content), (member, data) -> {
                    entries.add(member);
                    if (member.isFile() && keepContent.test(member.name())) {
                        contents.put(member.name(), data.readAllBytes());
                    }
                });
                layers[index] = new Layer(index, entries, contents);
            });
        }
        List<Layer> result = new ArrayList<>();
        for (int i = 0; i < layers.length; i++) {
            if (layers[i] == null) {
                throw new IOException(tar + " lacks layer " + names.get(i));
            }
            result.add(layers[i]);
        }
        return result;
    }

    private static InputStream uncompressed(InputStream content) throws IOException {
        BufferedInputStream in = new BufferedInputStream(content);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
