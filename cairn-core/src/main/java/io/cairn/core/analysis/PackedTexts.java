package io.cairn.core.analysis;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InternalException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the strings of one event that the engine packed into a UTF-8 JSON array of strings and nulls
 * ({@link io.cairn.core.storage.SqlDialect#textsAsJsonArray}). An extraction reads one such array per event, so this
 * reads straight from the bytes, with no parser to set up per event. A string that needed no escape is not even
 * decoded: its bytes are valid JSON string content as they are, and are copied into the answer ({@link Utf8}).
 */
final class PackedTexts {

    /**
     * A string as UTF-8 bytes that hold no quote, backslash or control character, so that a JSON writer may copy
     * them between quotes without looking at them.
     */
    record Utf8(byte[] bytes, int start, int length) {
        @Override
        public String toString() {
            return new String(bytes, start, length, StandardCharsets.UTF_8);
        }
    }

    private PackedTexts() {}

    /**
     * Fills {@code texts} with the array's elements in order: null for {@code null}, a {@link Utf8} for a string
     * that needs no escape in JSON, else the decoded String. Returns how many there were.
     */
    static int unpack(byte[] json, Object[] texts) {
        int count = 0;
        int i = skipBlanks(json, 0);
        expect(json, i++, '[');
        while (true) {
            i = skipBlanks(json, i);
            byte b = at(json, i);
            if (b == ']') {
                return count;
            }
            if (b == ',') {
                i++;
                continue;
            }
            if (count == texts.length) {
                throw unreadable();
            }
            if (b == 'n') {
                i += 4;
                texts[count++] = null;
            } else {
                expect(json, i++, '"');
                int start = i;
                boolean control = false;
                for (byte c = at(json, i); c != '"' && c != '\\'; c = at(json, ++i)) {
                    control |= c >= 0 && c < ' ';
                }
                if (json[i] == '"') {
                    texts[count++] = control ? new String(json, start, i - start, StandardCharsets.UTF_8)
                            : new Utf8(json, start, i - start);
                    i++;
                } else {
                    StringBuilder text = new StringBuilder().append(new String(json, start, i - start,
                            StandardCharsets.UTF_8));
                    i = unescape(json, i, text);
                    texts[count++] = text.toString();
                }
            }
        }
    }

    /** Appends the rest of a string from its first backslash at {@code i}; returns the index after its quote. */
    private static int unescape(byte[] json, int i, StringBuilder text) {
        while (true) {
            byte b = at(json, i);
            if (b == '"') {
                return i + 1;
            }
            if (b != '\\') {
                int start = i;
                while (at(json, i) != '"' && json[i] != '\\') {
                    i++;
                }
                text.append(new String(json, start, i - start, StandardCharsets.UTF_8));
                continue;
            }
            byte escaped = at(json, i + 1);
            i += 2;
            switch (escaped) {
                case '"', '\\', '/' -> text.append((char) escaped);
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    if (i + 4 > json.length) {
                        throw unreadable();
                    }
                    try {
                        text.append((char) Integer.parseInt(new String(json, i, 4, StandardCharsets.US_ASCII), 16));
                    } catch (NumberFormatException e) {
                        throw unreadable();
                    }
                    i += 4;
                }
                default -> throw unreadable();
            }
        }
    }

    private static int skipBlanks(byte[] json, int i) {
        while (i < json.length && (json[i] == ' ' || json[i] == '\n' || json[i] == '\r' || json[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static void expect(byte[] json, int i, char expected) {
        if (at(json, i) != expected) {
            throw unreadable();
        }
    }

    private static byte at(byte[] json, int i) {
        if (i >= json.length) {
            throw unreadable();
        }
        return json[i];
    }

    private static InternalException unreadable() {
        return new InternalException(ErrorCode.INTERNAL, "the engine packed an event's strings unreadably");
    }
}
