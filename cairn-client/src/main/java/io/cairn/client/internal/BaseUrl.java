package io.cairn.client.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.cairn.client.internal.ApiRequest.QueryParam;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Where the server lives: an http or https URL, possibly with a path prefix (a reverse proxy mounting Cairn under
 * {@code /cairn}), stored without a trailing slash so that resolving never doubles or drops one. Immutable and
 * thread-safe.
 *
 * @param uri the normalized base; never null
 */
public record BaseUrl(URI uri) {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * Creates a base URL value; use {@link #parse(String)} to validate and normalize one.
     *
     * @throws NullPointerException if {@code uri} is null
     */
    public BaseUrl {
        requireNonNull(uri, "uri is null");
    }

    /**
     * Validates and normalizes a base URL given by a user.
     *
     * @param url e.g. {@code http://127.0.0.1:8080} or {@code https://host/cairn/}; never null
     * @return the base URL without trailing slashes; never null
     * @throws IllegalArgumentException if the URL is not an absolute http or https URL with a host, or carries
     *     user info, a query or a fragment
     * @throws NullPointerException if {@code url} is null
     */
    public static BaseUrl parse(String url) {
        requireNonNull(url, "baseUrl is null");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl is not a valid URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("baseUrl must be an http or https URL, got: " + url);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("baseUrl has no host: " + url);
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUrl must not carry credentials, a query or a fragment: " + url);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return new BaseUrl(URI.create(scheme + "://" + uri.getRawAuthority() + path));
    }

    /**
     * The URI of a path under this base.
     *
     * @param path unencoded segments; each is percent-encoded, so a {@code /} inside one stays part of it; never null
     * @param query unencoded parameters, in order; never null
     * @return the absolute URI; never null
     * @throws IllegalArgumentException if a segment is empty, {@code .} or {@code ..}, which a server or proxy
     *     would collapse into another path
     */
    public URI resolve(List<String> path, List<QueryParam> query) {
        StringBuilder uri = new StringBuilder(this.uri.toString());
        for (String segment : path) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("path segment must not be empty, '.' or '..': '" + segment + "'");
            }
            uri.append('/').append(encode(segment));
        }
        char separator = '?';
        for (QueryParam param : query) {
            uri.append(separator).append(encode(param.name())).append('=').append(encode(param.value()));
            separator = '&';
        }
        return URI.create(uri.toString());
    }

    // Encodes everything but RFC 3986 unreserved characters: strict enough for both a path segment and a query
    // value, and spaces become %20 rather than the form-encoding '+' that some servers keep literally.
    private static String encode(String text) {
        StringBuilder encoded = new StringBuilder(text.length());
        for (byte b : text.getBytes(UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return encoded.toString();
    }
}
