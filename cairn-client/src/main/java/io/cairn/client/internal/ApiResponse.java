package io.cairn.client.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * A successful (2xx) answer as received. Immutable by convention: {@code body} is the received array itself and
 * must not be modified. Thread-safe when not modified.
 *
 * @param status the HTTP status code, 200 to 299
 * @param headers the response headers; never null
 * @param body the response body; never null, empty when there was none
 */
public record ApiResponse(int status, HttpHeaders headers, byte[] body) {

    /**
     * Creates a response value.
     *
     * @throws NullPointerException if {@code headers} or {@code body} is null
     */
    public ApiResponse {
        requireNonNull(headers, "headers is null");
        requireNonNull(body, "body is null");
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, case-insensitive; never null
     * @return the value; empty when the header is absent
     */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /**
     * The body decoded as UTF-8.
     *
     * @return the text; never null
     */
    public String text() {
        return new String(body, UTF_8);
    }
}
