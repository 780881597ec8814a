package io.cairn.client;

import static java.util.Objects.requireNonNull;

import io.cairn.client.internal.ApiRequest;
import io.cairn.client.internal.Auth;
import io.cairn.client.internal.Method;
import io.cairn.client.internal.Transport;

/**
 * One Keen project as the Keen sub-clients address it: requests under {@code /3.0/projects/{projectId}} carrying
 * the project key raw in {@code Authorization}, sent through the shared transport. Immutable and thread-safe.
 */
final class KeenProject {

    private final Transport transport;
    private final String projectId;
    private final String key;

    /**
     * @param projectId null when the {@link Cairn} has none, which only the first request reports
     * @param key null when the {@link Cairn} has none, which only the first request reports
     */
    KeenProject(Transport transport, String projectId, String key) {
        this.transport = requireNonNull(transport, "transport is null");
        this.projectId = projectId;
        this.key = key;
    }

    Transport transport() {
        return transport;
    }

    /**
     * A request to {@code /3.0/projects/{projectId}/<path>} with the key.
     *
     * @throws IllegalStateException if there is no project id or no key
     */
    ApiRequest request(Method method, String... path) {
        requireSettings();
        String[] segments = new String[path.length + 3];
        segments[0] = "3.0";
        segments[1] = "projects";
        segments[2] = projectId;
        System.arraycopy(path, 0, segments, 3, path.length);
        return ApiRequest.of(method, segments).withAuth(Auth.raw(key));
    }

    /** @throws IllegalStateException if there is no project id or no key */
    void requireSettings() {
        if (projectId == null) {
            throw new IllegalStateException(
                    "no projectId: set one with Cairn.builder().projectId(...) to use the Keen API");
        }
        if (key == null) {
            throw new IllegalStateException(
                    "no key: set a project key with Cairn.builder().key(...) to use the Keen API");
        }
    }
}
