package com.novaquant.deployment;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every document the repository names exists in it: a document named anywhere (code, comments, charts, scripts,
 * documents) and every relative link of a Markdown document. A reader following a reference must find
 * the text, not a document kept somewhere else.
 */
class DocumentReferencesTest {

    /**
     * A document's name: a capitalised Markdown file ({@code README.md}, {@code services/exchange-simulator/README.md}) or any
     * file under {@code docs/}. Files the tools write ({@code sweep.md}) and topic names ({@code nova.md.quotes}) are
     * not documents.
     */
    private static final Pattern NAMED_DOCUMENT = Pattern.compile(
            "(?<![\\w./-])(?:([\\w.-]+/)*[A-Z][A-Z0-9_-]*\\.md|([\\w.-]+/)*docs/[\\w./-]+\\.md)(?![\\w.])");
    /** The target of a Markdown link or image. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "node_modules", ".local-stack", ".mvn");
    private static final Set<String> TEXT_SUFFIXES = Set.of(".java", ".md", ".yml", ".yaml", ".json", ".sh", ".xml",
            ".properties", ".tpl", ".txt", ".conf", ".service", ".toml", ".options", "Dockerfile", "nq", "run");

    @Test
    void everyDocumentNamedInTheRepositoryIsInIt() {
        List<String> missing = new ArrayList<>();
        for (Path file : textFiles()) {
            String text = read(file);
            if (text == null) {
                continue;
            }
            Matcher named = NAMED_DOCUMENT.matcher(text);
            while (named.find()) {
                String name = named.group();
                if (!resolves(file, name)) {
                    missing.add(Repo.root().relativize(file) + " names " + name);
                }
            }
        }
        assertThat(missing).as("documents named but not in the repository").isEmpty();
    }

    @Test
    void everyRelativeLinkOfADocumentLeadsToAFileOrFolder() {
        List<String> broken = new ArrayList<>();
        for (Path file : textFiles()) {
            if (!file.toString().endsWith(".md")) {
                continue;
            }
            Matcher link = LINK.matcher(read(file));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z][a-z0-9+.-]*:.*") || target.startsWith("#")) {
                    continue; // a web address, a mail address or an anchor of the same page
                }
                String path = target.replaceFirst("#.*$", "");
                if (!Files.exists(file.getParent().resolve(path).normalize())) {
                    broken.add(Repo.root().relativize(file) + " links " + target);
                }
            }
        }
        assertThat(broken).as("links to nothing").isEmpty();
    }

    /**
     * A name resolves when the file exists beside the file naming it, from the repository's root, or in one of the
     * repository's own folders of that name (a module's {@code README.md} named from its code).
     */
    private static boolean resolves(Path from, String name) {
        if (Files.exists(from.getParent().resolve(name)) || Files.exists(Repo.root().resolve(name))) {
            return true;
        }
        Path module = moduleOf(from);
        return module != null && Files.exists(module.resolve(name));
    }

    /** The top-level folder the file is in, or null at the root. */
    private static Path moduleOf(Path file) {
        Path relative = Repo.root().relativize(file);
        return relative.getNameCount() > 1 ? Repo.root().resolve(relative.getName(0)) : null;
    }

    private static List<Path> textFiles() {
        try (Stream<Path> walk = Files.walk(Repo.root())) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> Repo.root().relativize(path).toString().split("/").length > 0)
                    .filter(path -> {
                        for (Path part : Repo.root().relativize(path)) {
                            if (SKIPPED_FOLDERS.contains(part.toString())) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .filter(path -> TEXT_SUFFIXES.stream().anyMatch(suffix -> path.getFileName().toString().endsWith(suffix)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's text; null for one that is not UTF-8 text. */
    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (MalformedInputException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
