package io.cairn.server.dialect.tempodb;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.series.SeriesRef;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Series ids and keys from the raw request path. Keys may hold {@code /} (sent as {@code %2F}) and spaces, so the
 * path is split on its literal slashes first and each segment decoded after: an encoded slash never splits a key.
 */
final class TempoDbPaths {

    private TempoDbPaths() {}

    /**
     * The decoded {@code index}-th non-empty segment of the path ({@code /v1/series/key/k} has {@code v1} at 0;
     * doubled slashes are one, as in routing).
     */
    static String segment(Context ctx, int index) {
        String[] segments = Arrays.stream(ctx.req().getRequestURI().split("/")).filter(s -> !s.isEmpty())
                .toArray(String[]::new);
        if (index >= segments.length) {
            throw new InvalidRequestException(ErrorCode.INVALID_FIELD, "the path is too short");
        }
        try {
            // '+' is a plus in a path; only the query string uses it for a space.
            return URLDecoder.decode(segments[index].replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(ErrorCode.INVALID_FIELD, "the path is not correctly percent-encoded");
        }
    }

    /** The series of {@code /v1/series/{id|key}/{value}/...}. */
    static SeriesRef series(Context ctx) {
        String kind = segment(ctx, 2);
        String value = segment(ctx, 3);
        return switch (kind) {
            case "id" -> SeriesRef.id(value);
            case "key" -> SeriesRef.key(value);
            default -> throw InvalidRequestException.field("series", "series are addressed as /series/id/<id>/ or"
                    + " /series/key/<key>/, got /series/" + kind + "/");
        };
    }
}
