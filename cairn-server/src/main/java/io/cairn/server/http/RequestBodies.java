package io.cairn.server.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.error.LimitExceededException;
import io.cairn.core.model.DataSize;
import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Reading request bodies within the configured size limit, and parsing them as JSON with errors that say where
 * the JSON went wrong. Thread-safe.
 */
public final class RequestBodies {

    /** The most of a refused body that is read and thrown away so its client still gets the 413. */
    private static final long DISCARD_BUDGET = DataSize.ofMegabytes(64).bytes();

    private final DataSize limit;

    public RequestBodies(DataSize limit) {
        this.limit = limit;
    }

    public DataSize limit() {
        return limit;
    }

    /** The body as a stream that fails with 413 once more than the limit has been read. */
    public InputStream stream(Context ctx) {
        return stream(ctx, limit);
    }

    /** The body as a stream limited to {@code max} (at most the server's limit). */
    public InputStream stream(Context ctx, DataSize max) {
        long allowed = Math.min(max.bytes(), limit.bytes());
        long declared = ctx.req().getContentLengthLong();
        if (declared > allowed) {
            throw tooLarge(allowed);
        }
        try {
            return new Limited(ctx.req().getInputStream(), allowed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole body, within the limit. */
    public byte[] bytes(Context ctx) {
        try (InputStream in = stream(ctx)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new InvalidRequestException(ErrorCode.INVALID_JSON, "the request body could not be read", e);
        }
    }

    /**
     * The body parsed as one JSON value; a missing or non-JSON content type is refused with 415 (a body sent
     * without any content type is read as JSON, which is what curl users expect with {@code -d} plus a header).
     */
    public JsonNode json(Context ctx) {
        requireJsonContentType(ctx);
        byte[] body = bytes(ctx);
        if (body.length == 0) {
            throw new InvalidRequestException(ErrorCode.INVALID_JSON, "the request body is empty; expected JSON");
        }
        return parse(body);
    }

    /** Parses JSON text, turning syntax errors into a 400 that names line and column. */
    public static JsonNode parse(byte[] body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new InvalidRequestException(ErrorCode.INVALID_JSON, "the request body is empty; expected JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new InvalidRequestException(ErrorCode.INVALID_JSON, "the request body could not be read", e);
        }
    }

    /** A 400 for malformed JSON, naming where it broke. */
    public static InvalidRequestException malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String problem = e instanceof JsonParseException ? e.getOriginalMessage() : "unexpected content";
        return new InvalidRequestException(ErrorCode.INVALID_JSON, "malformed JSON" + where + ": " + problem, e);
    }

    /** Refuses bodies declared as anything but JSON (415). */
    public static void requireJsonContentType(Context ctx) {
        String type = ctx.contentType();
        if (type == null || type.isBlank()) {
            return;
        }
        String mime = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mime.equals("application/json") && !mime.endsWith("+json")) {
            throw new InvalidRequestException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported content type " + mime + "; send Content-Type: application/json");
        }
    }

    /**
     * Reads and throws away what the client is still sending of a refused request, so that the error answer reaches
     * it: closing a connection with unread bytes makes TCP reset it, and the client then loses the answer too.
     * Bodies longer than {@link #DISCARD_BUDGET} are not drained; those clients see the connection close.
     */
    public static void discardRemainder(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > DISCARD_BUDGET) {
            return;
        }
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] sink = new byte[64 * 1024];
            long drained = 0;
            int n;
            while (drained < DISCARD_BUDGET && (n = in.read(sink)) > 0) {
                drained += n;
            }
        } catch (IOException | RuntimeException e) {
            // The client went away or the body was already consumed: nothing is left to protect.
        }
    }

    private static LimitExceededException tooLarge(long allowed) {
        return new LimitExceededException(ErrorCode.BODY_TOO_LARGE,
                "the request body is larger than the limit of " + DataSize.ofBytes(allowed));
    }

    /** Counts what is read and fails with 413 past the limit, however the body is framed (length or chunked). */
    private static final class Limited extends FilterInputStream {
        private final long allowed;
        private long read;

        Limited(InputStream in, long allowed) {
            super(in);
            this.allowed = allowed;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > allowed) {
                throw tooLarge(allowed);
            }
        }
    }
}
