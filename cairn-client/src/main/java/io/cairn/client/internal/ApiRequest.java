package io.cairn.client.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * One call to send: method, path under the base URL, query parameters, credential and JSON body. Immutable and
 * thread-safe; the {@code with…} methods return copies, so a partly built request can be shared.
 *
 * @param method the HTTP method; never null
 * @param path the path segments under the base URL, unencoded (the transport percent-encodes each); never null
 * @param query the query parameters in order, unencoded; never null
 * @param auth the credential to send; never null, {@link Auth#none()} for none
 * @param body the value to send as JSON; null for no body
 */
public record ApiRequest(Method method, List<String> path, List<QueryParam> query, Auth auth, Object body) {

    /**
     * Creates a request; the lists are copied.
     *
     * @throws NullPointerException if anything but {@code body} is null, or a list holds a null
     */
    public ApiRequest {
        requireNonNull(method, "method is null");
        path = List.copyOf(requireNonNull(path, "path is null"));
        query = List.copyOf(requireNonNull(query, "query is null"));
        requireNonNull(auth, "auth is null");
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
        return new ApiRequest(method, path, params, auth, body);
    }

    /**
     * This request with another credential.
     *
     * @param auth the credential; never null
     * @return the copy; never null
     * @throws NullPointerException if {@code auth} is null
     */
    public ApiRequest withAuth(Auth auth) {
        return new ApiRequest(method, path, query, auth, body);
    }

    /**
     * This request with a JSON body.
     *
     * @param body a value Jackson can write (a record, map or list); null for no body
     * @return the copy; never null
     */
    public ApiRequest withBody(Object body) {
        return new ApiRequest(method, path, query, auth, body);
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
