package io.cairn.client.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.client.error.ApiError;
import io.cairn.client.error.BadRequestException;
import io.cairn.client.error.CairnApiException;
import io.cairn.client.error.ConflictException;
import io.cairn.client.error.ForbiddenException;
import io.cairn.client.error.NotFoundException;
import io.cairn.client.error.RateLimitedException;
import io.cairn.client.error.ServerErrorException;
import io.cairn.client.error.UnauthorizedException;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads error answers. One parser serves every wire format: RFC 9457 problem details from Cairn's admin API, the
 * vendors' JSON shapes ({@code message}/{@code error_code} from Keen, {@code error} lists from CARTO, {@code error}
 * strings from ClicData), and bodies that are not JSON at all. Stateless and thread-safe.
 */
public final class ApiErrors {

    /** The longest detail kept from a body, so that an HTML error page does not flood a log line. */
    static final int MAX_DETAIL = 500;

    private ApiErrors() {}

    /**
     * The exception for an error answer, by status: 401, 403, 404, 409 and 429 have their own class; other 4xx are
     * {@link BadRequestException}; 5xx are {@link ServerErrorException}; anything else {@link CairnApiException}.
     *
     * @param status the HTTP status, not 2xx
     * @param headers the response headers; never null
     * @param body the response body; never null
     * @return the exception to throw; never null
     */
    public static CairnApiException toException(int status, HttpHeaders headers, byte[] body) {
        ApiError error = parse(status, headers, body);
        return switch (status) {
            case 401 -> new UnauthorizedException(error);
            case 403 -> new ForbiddenException(error);
            case 404 -> new NotFoundException(error);
            case 409 -> new ConflictException(error);
            case 429 -> new RateLimitedException(error, retryAfter(headers).orElse(null));
            default -> status >= 500 ? new ServerErrorException(error)
                    : status >= 400 ? new BadRequestException(error)
                    : new CairnApiException(error);
        };
    }

    /**
     * Reads what an error answer says. The request id comes from the body's {@code requestId} or else the
     * {@code X-Request-Id} header; the code from {@code code} or {@code error_code}; the detail from the first of
     * {@code detail}, {@code message}, {@code error}, {@code errors} and {@code title}, or else the body's text.
     *
     * @param status the HTTP status
     * @param headers the response headers; never null
     * @param body the response body; never null
     * @return the error; never null
     */
    public static ApiError parse(int status, HttpHeaders headers, byte[] body) {
        String text = new String(body, UTF_8);
        JsonNode json = jsonObject(body, text);
        String requestId = text(json, "requestId").orElse(headers.firstValue("X-Request-Id").orElse(null));
        String code = text(json, "code").or(() -> text(json, "error_code")).orElse(null);
        String detail = text(json, "detail")
                .or(() -> text(json, "message"))
                .or(() -> text(json, "error"))
                .or(() -> text(json, "errors"))
                .or(() -> text(json, "title"))
                .orElseGet(() -> text.strip().replaceAll("\\s+", " "));
        return new ApiError(status, code, requestId, truncate(detail), text(json, "field").orElse(null), text);
    }

    /**
     * The wait a server asked for in a {@code Retry-After} header. Only the delay-seconds form is read; an HTTP
     * date is ignored, as Cairn and the vendors the SDK speaks send seconds.
     *
     * @param headers the response headers; never null
     * @return the wait; empty when the header is absent or not a non-negative number of seconds
     */
    public static Optional<Duration> retryAfter(HttpHeaders headers) {
        return headers.firstValue("Retry-After").flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.strip());
                return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    // Null when the body is not a JSON object: an error page, plain text, or nothing.
    private static JsonNode jsonObject(byte[] body, String text) {
        if (!text.stripLeading().startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = Json.readTree(body);
            return node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    // A string field as is, or an array of strings joined (CARTO sends {"error": ["..."]}).
    private static Optional<String> text(JsonNode json, String field) {
        JsonNode node = json == null ? null : json.get(field);
        if (node == null) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            return Optional.of(node.asText()).filter(s -> !s.isBlank());
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(element -> parts.add(element.isTextual() ? element.asText() : element.toString()));
            return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
        }
        return Optional.empty();
    }

    private static String truncate(String text) {
        if (text.length() <= MAX_DETAIL) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_DETAIL - 1)) ? MAX_DETAIL - 1 : MAX_DETAIL;
        return text.substring(0, end) + "...";
    }
}
