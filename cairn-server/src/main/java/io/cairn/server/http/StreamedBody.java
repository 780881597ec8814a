package io.cairn.server.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The body of a streamed answer gathered into large writes (each write to the response may park the request's
 * virtual thread and sends a chunk), onto which answers of many small items append their values as ASCII without
 * building a String per value: wire times as {@link WireTime} writes them, doubles as Jackson does. A JSON generator
 * writing into it too must not pass its flushes on ({@code FLUSH_PASSED_TO_STREAM} off) and must be flushed before
 * anything is appended, so that the bytes stay in order. One request's thread uses it.
 */
public final class StreamedBody extends OutputStream {

    private static final int SIZE = 1 << 16;

    private final OutputStream out;
    private final byte[] buffer = new byte[SIZE];
    private final WireTime.Run times = new WireTime.Run();
    private int length;

    public StreamedBody(OutputStream out) {
        this.out = out;
    }

    /** Appends ASCII text kept as bytes, e.g. the constant parts of each item. */
    public StreamedBody append(byte[] ascii) throws IOException {
        room(ascii.length);
        System.arraycopy(ascii, 0, buffer, length, ascii.length);
        length += ascii.length;
        return this;
    }

    /** Appends {@link WireTime#format} of a time in microseconds since the epoch, unquoted. */
    public StreamedBody appendWireTime(long micros) throws IOException {
        room(WireTime.MAX_MICROS_LENGTH);
        length = times.write(micros, buffer, length);
        return this;
    }

    /** Appends a double as Jackson's generator writes it. */
    public StreamedBody appendDouble(double value) throws IOException {
        room(JsonDoubles.MAX_LENGTH);
        length = JsonDoubles.write(value, buffer, length);
        return this;
    }

    @Override
    public void write(int b) throws IOException {
        room(1);
        buffer[length++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int count) throws IOException {
        if (count > SIZE) {
            drain();
            out.write(bytes, offset, count);
            return;
        }
        room(count);
        System.arraycopy(bytes, offset, buffer, length, count);
        length += count;
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try (out) {
            drain();
        }
    }

    private void room(int bytes) throws IOException {
        if (length + bytes > SIZE) {
            drain();
        }
    }

    private void drain() throws IOException {
        if (length > 0) {
            out.write(buffer, 0, length);
            length = 0;
        }
    }
}
