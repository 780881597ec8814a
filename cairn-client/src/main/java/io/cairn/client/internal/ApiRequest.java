package io.cairn.client.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * One call to send: method, path under the base URL, query parameters, credential, JSON body and idempotency key.
 * Immutable and thread-safe; the {@code with…} methods return copies, so a partly built request can be shared.
 *
 * @param method the HTTP method; never null
 * @param path the path segments under the base URL, unencoded (the transport percent-encodes each); never null
 * @param query the query parameters in order, unencoded; never null
 * @param auth the credential to send; never null, {@link Auth#none()} for none
 * @param body the value to send as JSON; null for no body
 * @param idempotencyKey sent as the {@code Idempotency-Key} header, with which the server answers a repeated
 *     request with the first one's result instead of acting twice; null for none
 */
public record ApiRequest(Method method, List<String> path, List<QueryParam> query, Auth auth, Object body,
        String idempotencyKey) {

    /** The longest idempotency key accepted, well under any server's header size limit. */
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

    /**
     * Creates a request; the lists are copied.
     *
     * @throws NullPointerException if anything but {@code body} and {@code idempotencyKey} is null, or a list holds
     *     a null
     * @throws IllegalArgumentException if {@code idempotencyKey} is empty, longer than {@link
     *     #MAX_IDEMPOTENCY_KEY_LENGTH} or holds anything but visible ASCII characters
     */
    public ApiRequest {
        requireNonNull(method, "method is null");
        path = List.copyOf(requireNonNull(path, "path is null"));
        query = List.copyOf(requireNonNull(query, "query is null"));
        requireNonNull(auth, "auth is null");
        if (idempotencyKey != null) {
            checkIdempotencyKey(idempotencyKey);
        }
    }

    /**
     * Creates a request without an idempotency key.
     *
     * @param method the HTTP method; never null
     * @param path the path segments, unencoded; never null
     * @param query the query parameters in order, unencoded; never null
     * @param auth the credential to send; never null
     * @param body the value to send as JSON; null for no body
     * @throws NullPointerException if anything but {@code body} is null, or a list holds a null
     */
    public ApiRequest(Method method, List<String> path, List<QueryParam> query, Auth auth, Object body) {
        this(method, path, query, auth, body, null);
    }

    /**
     * A request with no query, no credential and no body.
     *
     * @param method the HTTP method; never null
     * @param path the path segments, unencoded, e.g. {@code "admin", "v1", "projects", id}; never null
     * @return the request; never null
     * @throws NullPointerException if an argument or a segment is null
     */
    public static ApiRequest of(Method method, String... path) {
        return new ApiRequest(method, List.of(path), List.of(), Auth.none(), null);
    }

    /**
     * This request with one more query parameter.
     *
     * @param name the parameter name, unencoded; never null
     * @param value the value, unencoded; never null
     * @return the copy; never null
     * @throws NullPointerException if an argument is null
     */
    public ApiRequest withQuery(String name, String value) {
        List<QueryParam> params = new ArrayList<>(query);
        params.add(new QueryParam(name, value));
        return new ApiRequest(method, path, params, auth, body, idempotencyKey);
    }

    /**
     * This request with another credential.
     *
     * @param auth the credential; never null
     * @return the copy; never null
     * @throws NullPointerException if {@code auth} is null
     */
    public ApiRequest withAuth(Auth auth) {
        return new ApiRequest(method, path, query, auth, body, idempotencyKey);
    }

    /**
     * This request with a JSON body.
     *
     * @param body a value Jackson can write (a record, map or list); null for no body
     * @return the copy; never null
     */
    public ApiRequest withBody(Object body) {
        return new ApiRequest(method, path, query, auth, body, idempotencyKey);
    }

    /**
     * This request with an idempotency key, which also makes it safe to retry whatever its method.
     *
     * @param idempotencyKey the key; null for none
     * @return the copy; never null
     * @throws IllegalArgumentException if the key is empty, too long or not visible ASCII
     */
    public ApiRequest withIdempotencyKey(String idempotencyKey) {
        return new ApiRequest(method, path, query, auth, body, idempotencyKey);
    }

    /**
     * Whether sending this request twice has the same effect as sending it once, which makes a retry safe after a
     * failure that may have happened after the server acted: an idempotent method, or any request with an
     * idempotency key.
     *
     * @return true when the transport may retry this request
     */
    public boolean retryable() {
        return method.idempotent() || idempotencyKey != null;
    }

    private static void checkIdempotencyKey(String key) {
        if (key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
            throw new IllegalArgumentException("idempotency key must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH
                    + " characters, got " + key.length());
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < '!' || c > '~') {
                throw new IllegalArgumentException("idempotency key must hold only visible ASCII characters");
            }
        }
    }

    /**
     * One query parameter, unencoded.
     *
     * @param name the name; never null
     * @param value the value; never null
     */
    public record QueryParam(String name, String value) {

        /**
         * Creates a parameter.
         *
         * @throws NullPointerException if an argument is null
         */
        public QueryParam {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
        }
    }
}
