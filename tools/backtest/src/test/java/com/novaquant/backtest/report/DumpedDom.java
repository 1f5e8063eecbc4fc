package com.novaquant.backtest.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The page as Chromium's {@code --dump-dom} prints it, read back into a tree. The serializer writes an end tag for
 * every element but the void ones and quotes every attribute value, so a stack of open elements rebuilds the tree;
 * the body of a script or style element is taken whole, since it may hold a {@code <}.
 */
final class DumpedDom {

    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "source", "track", "wbr");
    private static final Set<String> RAW_TEXT = Set.of("script", "style");
    private static final Set<String> ESCAPED_RAW_TEXT = Set.of("title", "textarea");
    private static final Pattern ENTITY = Pattern.compile("&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);");
    private static final Map<String, String> NAMED_ENTITIES = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", "\u00a0");

    /** One element: its attributes, child elements and the text directly inside it. */
    record Element(String name, Map<String, String> attributes, List<Element> children, StringBuilder ownText) {

        String attribute(String attribute) {
            return attributes.get(attribute);
        }

        boolean hasClass(String className) {
            String classes = attributes.getOrDefault("class", "");
            return Arrays.asList(classes.trim().split("\\s+")).contains(className);
        }

        /** This element's text and its descendants', in document order. */
        String text() {
            StringBuilder out = new StringBuilder(ownText);
            children.forEach(child -> out.append(child.text()));
            return out.toString();
        }

        Stream<Element> descendants() {
            return children.stream().flatMap(child -> Stream.concat(Stream.of(child), child.descendants()));
        }

        List<Element> all(String elementName, String className) {
            return descendants().filter(e -> e.name.equals(elementName) && e.hasClass(className)).toList();
        }

        List<Element> withClass(String className) {
            return descendants().filter(e -> e.hasClass(className)).toList();
        }

        Optional<Element> byId(String id) {
            return descendants().filter(e -> id.equals(e.attribute("id"))).findFirst();
        }
    }

    private DumpedDom() {
    }

    static Element parse(String html) {
        Element document = new Element("#document", Map.of(), new ArrayList<>(), new StringBuilder());
        Deque<Element> open = new ArrayDeque<>();
        open.push(document);
        int at = 0;
        while (at < html.length()) {
            int lt = html.indexOf('<', at);
            int textEnd = lt < 0 ? html.length() : lt;
            open.peek().ownText.append(decode(html.substring(at, textEnd)));
            if (lt < 0) {
                break;
            }
            if (html.startsWith("<!--", lt)) {
                at = after(html, "-->", lt);
            } else if (html.startsWith("<!", lt) || html.startsWith("<?", lt)) {
                at = after(html, ">", lt);
            } else if (html.startsWith("</", lt)) {
                int gt = html.indexOf('>', lt);
                close(open, html.substring(lt + 2, gt).trim().toLowerCase(Locale.ROOT));
                at = gt + 1;
            } else {
                at = startTag(html, lt, open);
            }
        }
        return document;
    }

    /** Reads the start tag at {@code lt}, and the whole body of a raw-text element; returns where reading resumes. */
    private static int startTag(String html, int lt, Deque<Element> open) {
        int at = lt + 1;
        int nameEnd = at;
        while (nameEnd < html.length() && isNameChar(html.charAt(nameEnd))) {
            nameEnd++;
        }
        if (nameEnd == at) {
            open.peek().ownText.append('<');
            return at;
        }
        String name = html.substring(at, nameEnd).toLowerCase(Locale.ROOT);
        Map<String, String> attributes = new LinkedHashMap<>();
        at = nameEnd;
        boolean selfClosing = false;
        while (true) {
            while (Character.isWhitespace(html.charAt(at))) {
                at++;
            }
            char c = html.charAt(at);
            if (c == '>') {
                at++;
                break;
            }
            if (c == '/') {
                selfClosing = true;
                at++;
                continue;
            }
            int attributeEnd = at;
            while ("=>/".indexOf(html.charAt(attributeEnd)) < 0 && !Character.isWhitespace(html.charAt(attributeEnd))) {
                attributeEnd++;
            }
            String attribute = html.substring(at, attributeEnd).toLowerCase(Locale.ROOT);
            at = attributeEnd;
            String value = "";
            if (html.charAt(at) == '=') {
                at++;
                char quote = html.charAt(at);
                int valueEnd;
                if (quote == '"' || quote == '\'') {
                    valueEnd = html.indexOf(quote, at + 1);
                    value = html.substring(at + 1, valueEnd);
                    at = valueEnd + 1;
                } else {
                    valueEnd = at;
                    while (html.charAt(valueEnd) != '>' && !Character.isWhitespace(html.charAt(valueEnd))) {
                        valueEnd++;
                    }
                    value = html.substring(at, valueEnd);
                    at = valueEnd;
                }
            }
            attributes.put(attribute, decode(value));
        }
        Element element = new Element(name, attributes, new ArrayList<>(), new StringBuilder());
        open.peek().children.add(element);
        if (RAW_TEXT.contains(name) || ESCAPED_RAW_TEXT.contains(name)) {
            int end = html.toLowerCase(Locale.ROOT).indexOf("</" + name, at);
            String body = html.substring(at, end);
            element.ownText.append(RAW_TEXT.contains(name) ? body : decode(body));
            return after(html, ">", end);
        }
        if (!selfClosing && !VOID.contains(name)) {
            open.push(element);
        }
        return at;
    }

    private static void close(Deque<Element> open, String name) {
        if (open.stream().noneMatch(e -> e.name.equals(name))) {
            return;
        }
        // an element left open inside the one that ends here ends with it
        Element closed;
        do {
            closed = open.pop();
        } while (!closed.name.equals(name));
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == ':' || c == '_';
    }

    private static int after(String html, String marker, int from) {
        int found = html.indexOf(marker, from);
        return found < 0 ? html.length() : found + marker.length();
    }

    private static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher entity = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (entity.find()) {
            String name = entity.group(1);
            String replacement;
            if (name.startsWith("#x") || name.startsWith("#X")) {
                replacement = Character.toString(Integer.parseInt(name.substring(2), 16));
            } else if (name.startsWith("#")) {
                replacement = Character.toString(Integer.parseInt(name.substring(1)));
            } else {
                replacement = NAMED_ENTITIES.getOrDefault(name, entity.group());
            }
            entity.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        entity.appendTail(out);
        return out.toString();
    }
}
