package io.cairn.core.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.core.CairnCore;
import io.cairn.core.model.ProjectId;
import io.cairn.core.model.TimeRange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The JSON side of golden cases: Keen's way of writing values (the same for the engine's and the oracle's answers,
 * so that only what they computed can differ), the structural comparison, and the expected files' layout.
 */
final class GoldenJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** Sums of doubles differ in their last bits by summation order. */
    private static final double TOLERANCE = 1e-9;
    private static final int MAX_DIFFERENCES = 20;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private GoldenJson() {}

    /**
     * A Java value as Keen writes it: whole numbers without a fraction, maps and lists member by member.
     */
    static JsonNode node(Object value) {
        return switch (value) {
            case Double d when d == Math.rint(d) && Math.abs(d) < 1e15 -> NODES.numberNode(d.longValue());
            case Map<?, ?> map -> {
                ObjectNode node = NODES.objectNode();
                map.forEach((key, member) -> node.set(key.toString(), node(member)));
                yield node;
            }
            case List<?> list -> {
                ArrayNode node = NODES.arrayNode();
                list.forEach(item -> node.add(node(item)));
                yield node;
            }
            case null -> NODES.nullNode();
            default -> MAPPER.valueToTree(value);
        };
    }

    /** The events an extraction writes as the server does (UTF-8 bytes), read back. */
    static ArrayNode extracted(CairnCore core, ProjectId project, ExtractionQuery query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        extract(core, project, query, () -> MAPPER.createGenerator(bytes));
        return readBack(bytes.toString(StandardCharsets.UTF_8));
    }

    /** The same through a generator writing characters, which cannot copy UTF-8 bytes through. */
    static ArrayNode extractedAsCharacters(CairnCore core, ProjectId project, ExtractionQuery query) {
        StringWriter text = new StringWriter();
        extract(core, project, query, () -> MAPPER.createGenerator(text));
        return readBack(text.toString());
    }

    private interface Generators {
        JsonGenerator open() throws IOException;
    }

    private static void extract(CairnCore core, ProjectId project, ExtractionQuery query, Generators generators) {
        try (JsonGenerator out = generators.open()) {
            out.writeStartArray();
            core.analyses().extract(project, query, out);
            out.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArrayNode readBack(String text) {
        try {
            return (ArrayNode) MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("an extraction wrote broken JSON: " + text, e);
        }
    }

    /** A bucket's {@code {"start", "end"}}, written with the zone's offset ({@code Z} for UTC). */
    static ObjectNode timeframe(TimeRange range, ZoneId zone) {
        ObjectNode node = NODES.objectNode();
        node.put("start", WITH_OFFSET.format(range.start().atZone(zone)));
        node.put("end", WITH_OFFSET.format(range.end().atZone(zone)));
        return node;
    }

    /**
     * Where {@code actual} differs from {@code expected}, as JSON pointers with both values: objects compare by
     * their members whatever their order, arrays element by element, numbers within a relative tolerance.
     */
    static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> differences = new ArrayList<>();
        compare("", expected, actual, differences);
        return differences;
    }

    private static void compare(String at, JsonNode expected, JsonNode actual, List<String> out) {
        if (out.size() >= MAX_DIFFERENCES) {
            return;
        }
        if (expected.isNumber() && actual.isNumber()) {
            double e = expected.doubleValue();
            double a = actual.doubleValue();
            if (Math.abs(e - a) > TOLERANCE * Math.max(1, Math.max(Math.abs(e), Math.abs(a)))) {
                out.add(difference(at, expected, actual));
            }
        } else if (expected.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                compare(at + "/" + name, expected.path(name), actual.path(name), out);
            }
        } else if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                out.add(at + ": expected " + expected.size() + " items, got " + actual.size() + ": " + actual);
            }
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                compare(at + "/" + i, expected.get(i), actual.get(i), out);
            }
        } else if (!expected.equals(actual)) {
            out.add(difference(at, expected, actual));
        }
    }

    private static String difference(String at, JsonNode expected, JsonNode actual) {
        return (at.isEmpty() ? "/" : at) + ": expected " + (expected.isMissingNode() ? "nothing" : expected)
                + ", got " + (actual.isMissingNode() ? "nothing" : actual);
    }

    /** Two-space indents, every array item on its own line, a final newline: files that diff well. */
    static void write(Path file, JsonNode node) {
        DefaultIndenter lines = DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withArrayEmptySeparator("")
                .withObjectEmptySeparator("")).withObjectIndenter(lines);
        printer.indentArraysWith(lines);
        try {
            Files.writeString(file, MAPPER.writer(printer).writeValueAsString(node) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
