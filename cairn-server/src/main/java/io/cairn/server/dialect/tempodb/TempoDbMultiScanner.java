package io.cairn.server.dialect.tempodb;

import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.series.PointBatch;
import io.cairn.core.series.SeriesRef;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * Reads a multi-write body straight from its bytes when it has the shape TempoDB's clients send: a JSON array of
 * flat objects, each with a string {@code t}, a string {@code key} or {@code id}, and a finite number {@code v},
 * every string plain ASCII without escapes. Such a body needs no tokens and no String per item: a time is parsed
 * once per run of equal times, and each distinct series gets one {@link SeriesRef}, whose cached hash then makes
 * grouping the points cheap. Multi writes carry tens of thousands of points, and the general parser took a third
 * of the server's CPU in the series ingest bench.
 *
 * <p>The shape is checked strictly: anything else (another or a repeated field, an escape, a missing or non-numeric
 * value, an unparseable time, non-ASCII text, malformed JSON) makes {@link #scan} answer null, and the handler reads
 * the body with the general parser ({@link TempoDbPointsReader}), which also gives each bad item its status. A body
 * read here therefore gives the very points the general path would: a test compares both on generated bodies.
 */
final class TempoDbMultiScanner {

    /** Powers of ten that doubles hold exactly: dividing an exact integer by one of them rounds correctly. */
    private static final double[] EXACT_POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
        1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    /** Integers of at most this many digits are below 2^53, so a double holds them exactly. */
    private static final int EXACT_DIGITS = 15;

    private final byte[] in;
    private final ZoneId zone;
    private final Refs ids = new Refs(true);
    private final Refs keys = new Refs(false);
    private int at;
    private int lastTimeStart = -1;
    private int lastTimeLength = -1;
    private long lastMicros;

    private TempoDbMultiScanner(byte[] body, ZoneId zone) {
        this.in = body;
        this.zone = zone;
    }

    /** The body's points, or null when the body is not in the plain shape (read it with the general parser). */
    static PointBatch scan(byte[] body, ZoneId zone) {
        return new TempoDbMultiScanner(body, zone).items();
    }

    private PointBatch items() {
        skipWhitespace();
        if (!take('[')) {
            return null;
        }
        // A plain item is about 50 bytes; the builder grows if the guess is short.
        PointBatch.Builder batch = PointBatch.builder(in.length / 48);
        skipWhitespace();
        if (!take(']')) {
            do {
                skipWhitespace();
                if (!item(batch)) {
                    return null;
                }
                skipWhitespace();
            } while (take(','));
            if (!take(']')) {
                return null;
            }
        }
        skipWhitespace();
        return at == in.length ? batch.build() : null;
    }

    private boolean item(PointBatch.Builder batch) {
        if (!take('{')) {
            return false;
        }
        long micros = 0;
        boolean hasTime = false;
        SeriesRef ref = null;
        double value = Double.NaN;
        do {
            skipWhitespace();
            int name = string();
            if (name < 0) {
                return false;
            }
            int nameLength = at - 1 - name;
            skipWhitespace();
            if (!take(':')) {
                return false;
            }
            skipWhitespace();
            if (nameLength == 1 && in[name] == 't' && !hasTime) {
                int start = string();
                if (start < 0 || !time(start, at - 1 - start)) {
                    return false;
                }
                micros = lastMicros;
                hasTime = true;
            } else if (nameLength == 1 && in[name] == 'v' && Double.isNaN(value)) {
                value = number();
                if (!Double.isFinite(value)) {
                    return false;
                }
            } else if (ref == null && (is(name, nameLength, "key") || is(name, nameLength, "id"))) {
                int start = string();
                int length = at - 1 - start;
                if (start < 0 || length == 0) {
                    return false;
                }
                ref = (nameLength == 2 ? ids : keys).find(in, start, length);
            } else {
                return false;
            }
            skipWhitespace();
        } while (take(','));
        if (!take('}') || !hasTime || ref == null || Double.isNaN(value)) {
            return false;
        }
        batch.add(ref, micros, value);
        return true;
    }

    /** Sets {@link #lastMicros} to the time written at {@code start}; false when it is not a valid time. */
    private boolean time(int start, int length) {
        if (length == lastTimeLength
                && Arrays.equals(in, start, start + length, in, lastTimeStart, lastTimeStart + length)) {
            return true;
        }
        try {
            lastMicros = TempoDbTime.micros(new String(in, start, length, StandardCharsets.US_ASCII), zone, "t");
        } catch (InvalidRequestException e) {
            return false;
        }
        lastTimeStart = start;
        lastTimeLength = length;
        return true;
    }

    /**
     * Reads a string without escapes or non-ASCII bytes; returns the index of its first character (the position is
     * then just past its closing quote), or -1 when there is none such here.
     */
    private int string() {
        if (!take('"')) {
            return -1;
        }
        int start = at;
        for (; at < in.length; at++) {
            byte b = in[at];
            if (b == '"') {
                at++;
                return start;
            }
            if (b < 0x20 || b == '\\') {
                // Control characters, escapes, and (as negative bytes) everything outside ASCII.
                return -1;
            }
        }
        return -1;
    }

    /** Reads a JSON number as the general parser would read it; NaN when there is no valid number here. */
    private double number() {
        int start = at;
        boolean negative = take('-');
        long mantissa = 0;
        int digits = 0;
        int integerStart = at;
        for (; at < in.length && isDigit(in[at]); at++) {
            mantissa = mantissa * 10 + (in[at] - '0');
            digits++;
        }
        int integerDigits = at - integerStart;
        if (integerDigits == 0 || integerDigits > 1 && in[integerStart] == '0') {
            return Double.NaN;
        }
        int fractionDigits = 0;
        if (take('.')) {
            for (; at < in.length && isDigit(in[at]); at++) {
                mantissa = mantissa * 10 + (in[at] - '0');
                digits++;
                fractionDigits++;
            }
            if (fractionDigits == 0) {
                return Double.NaN;
            }
        }
        boolean exponent = at < in.length && (in[at] == 'e' || in[at] == 'E');
        if (exponent) {
            at++;
            if (!take('+')) {
                take('-');
            }
            int exponentStart = at;
            while (at < in.length && isDigit(in[at])) {
                at++;
            }
            if (at == exponentStart) {
                return Double.NaN;
            }
        }
        if (digits > EXACT_DIGITS || exponent) {
            return Double.parseDouble(new String(in, start, at - start, StandardCharsets.US_ASCII));
        }
        if (fractionDigits == 0) {
            // An integer: -0 reads as 0, as the general parser's integer does.
            return negative ? -mantissa : mantissa;
        }
        double magnitude = mantissa / EXACT_POWERS_OF_TEN[fractionDigits];
        return negative ? -magnitude : magnitude;
    }

    private boolean is(int start, int length, String name) {
        if (length != name.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (in[start + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean take(char c) {
        if (at < in.length && in[at] == c) {
            at++;
            return true;
        }
        return false;
    }

    private void skipWhitespace() {
        while (at < in.length && (in[at] == ' ' || in[at] == '\n' || in[at] == '\r' || in[at] == '\t')) {
            at++;
        }
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** One {@link SeriesRef} per distinct id (or key) of the body: open addressing over the bytes that name it. */
    private static final class Refs {
        private final boolean ids;
        private int[] starts = new int[64];
        private int[] lengths = new int[64];
        private int[] hashes = new int[64];
        private SeriesRef[] refs = new SeriesRef[64];
        private int size;

        Refs(boolean ids) {
            this.ids = ids;
        }

        SeriesRef find(byte[] in, int start, int length) {
            int hash = 1;
            for (int i = start; i < start + length; i++) {
                hash = 31 * hash + in[i];
            }
            int mask = refs.length - 1;
            for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
                SeriesRef ref = refs[slot];
                if (ref == null) {
                    String name = new String(in, start, length, StandardCharsets.US_ASCII);
                    ref = ids ? SeriesRef.id(name) : SeriesRef.key(name);
                    put(slot, start, length, hash, ref);
                    return ref;
                }
                if (hashes[slot] == hash && lengths[slot] == length
                        && Arrays.equals(in, starts[slot], starts[slot] + length, in, start, start + length)) {
                    return ref;
                }
            }
        }

        private void put(int slot, int start, int length, int hash, SeriesRef ref) {
            starts[slot] = start;
            lengths[slot] = length;
            hashes[slot] = hash;
            refs[slot] = ref;
            if (++size * 2 > refs.length) {
                grow();
            }
        }

        private void grow() {
            int[] oldStarts = starts;
            int[] oldLengths = lengths;
            int[] oldHashes = hashes;
            SeriesRef[] oldRefs = refs;
            int capacity = oldRefs.length * 2;
            starts = new int[capacity];
            lengths = new int[capacity];
            hashes = new int[capacity];
            refs = new SeriesRef[capacity];
            int mask = capacity - 1;
            for (int old = 0; old < oldRefs.length; old++) {
                if (oldRefs[old] != null) {
                    int slot = spread(oldHashes[old]) & mask;
                    while (refs[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    starts[slot] = oldStarts[old];
                    lengths[slot] = oldLengths[old];
                    hashes[slot] = oldHashes[old];
                    refs[slot] = oldRefs[old];
                }
            }
        }

        private static int spread(int hash) {
            return hash ^ (hash >>> 16);
        }
    }
}
