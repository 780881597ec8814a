package io.cairn.client;

import static java.util.Objects.requireNonNull;

import io.cairn.client.KeenKeysWire.KeyBody;
import io.cairn.client.KeenKeysWire.KeyJson;
import io.cairn.client.error.BadRequestException;
import io.cairn.client.error.CairnApiException;
import io.cairn.client.error.CairnClientException;
import io.cairn.client.error.CairnConnectionException;
import io.cairn.client.error.NotFoundException;
import io.cairn.client.error.UnauthorizedException;
import io.cairn.client.internal.Method;
import io.cairn.client.model.AccessKey;
import io.cairn.client.model.AccessKeySpec;
import java.util.List;

/**
 * Keen's access keys ({@code /3.0/projects/{projectId}/keys}): keys with a name, a set of permissions and options
 * (forced query filters and timeframe, write autofill, allowed saved queries), made to be handed out and revoked.
 * Every call needs the project's master key as the {@link Cairn}'s key; the keys are addressed by their value.
 *
 * <pre>{@code
 * AccessKey dashboard = cairn.events().accessKeys().create(AccessKeySpec.of("fr-dashboard")
 *         .withPermitted(AccessPermission.QUERIES)
 *         .withQueryFilters(Filter.eq("country", "FR")));
 * String handOut = dashboard.key();
 * }</pre>
 *
 * <p>Obtained from {@link EventsClient#accessKeys()}; immutable, thread-safe, and usable until its {@link Cairn} is
 * closed. Every method may throw, besides what it lists: {@link IllegalStateException} if the {@link Cairn} has no
 * project id or no key, or is closed; {@link UnauthorizedException} if the key is not the project's master key (Keen's
 * {@code AdminOnlyEndpointError}); {@link CairnConnectionException} if the server cannot be reached; another {@link
 * CairnApiException} for any other error answer; {@link CairnClientException} if the answer cannot be read. Reads and
 * the delete are retried on connection failures and 503; the POSTs (create, update, revoke, unrevoke) are not.
 */
public final class AccessKeysClient {

    private final KeenProject project;

    AccessKeysClient(KeenProject project) {
        this.project = requireNonNull(project, "project is null");
    }

    /**
     * Creates a key ({@code POST /keys}); Keen answers 201 with the key object, value included.
     *
     * @param spec the key's name, state, permissions and options; never null
     * @return the new key; never null
     * @throws IllegalArgumentException if an option value cannot be sent as JSON
     * @throws BadRequestException if the server refuses the spec (e.g. malformed forced filters: {@code
     *     InvalidFilterError})
     * @throws NullPointerException if {@code spec} is null
     */
    public AccessKey create(AccessKeySpec spec) {
        KeyBody body = KeyBody.of(requireNonNull(spec, "spec is null"));
        return project.transport().send(project.request(Method.POST, "keys").withBody(body), KeyJson.class,
                KeyJson::toModel);
    }

    /**
     * Lists the project's access keys ({@code GET /keys}); Cairn lists them oldest first.
     *
     * @return the keys; never null, empty when there are none
     */
    public List<AccessKey> list() {
        return project.transport().send(project.request(Method.GET, "keys"), KeyJson[].class, KeyJson::toModels);
    }

    /**
     * Gets one access key ({@code GET /keys/{key}}).
     *
     * @param key the key's value; never null
     * @return the key; never null
     * @throws NotFoundException if the project has no such key
     * @throws NullPointerException if {@code key} is null
     */
    public AccessKey get(String key) {
        return send(Method.GET, "keys", requireNonNull(key, "key is null"));
    }

    /**
     * Replaces a key's name, state, permissions and options ({@code POST /keys/{key}} with the whole spec); its
     * value stays. To change one part, start from the key's own spec: {@code update(k.key(),
     * k.spec().withName("new name"))}.
     *
     * @param key the key's value; never null
     * @param spec the key's new name, state, permissions and options; never null
     * @return the key as now stored; never null
     * @throws NotFoundException if the project has no such key
     * @throws IllegalArgumentException if an option value cannot be sent as JSON
     * @throws BadRequestException if the server refuses the spec
     * @throws NullPointerException if an argument is null
     */
    public AccessKey update(String key, AccessKeySpec spec) {
        requireNonNull(key, "key is null");
        KeyBody body = KeyBody.of(requireNonNull(spec, "spec is null"));
        return project.transport().send(project.request(Method.POST, "keys", key).withBody(body), KeyJson.class,
                KeyJson::toModel);
    }

    /**
     * Deactivates a key ({@code POST /keys/{key}/revoke}): the server refuses it from now on, as if unknown.
     *
     * @param key the key's value; never null
     * @return the key, now inactive; never null
     * @throws NotFoundException if the project has no such key
     * @throws NullPointerException if {@code key} is null
     */
    public AccessKey revoke(String key) {
        return send(Method.POST, "keys", requireNonNull(key, "key is null"), "revoke");
    }

    /**
     * Reactivates a revoked key ({@code POST /keys/{key}/unrevoke}).
     *
     * @param key the key's value; never null
     * @return the key, now active; never null
     * @throws NotFoundException if the project has no such key
     * @throws NullPointerException if {@code key} is null
     */
    public AccessKey unrevoke(String key) {
        return send(Method.POST, "keys", requireNonNull(key, "key is null"), "unrevoke");
    }

    /**
     * Deletes a key ({@code DELETE /keys/{key}}); Keen answers 204.
     *
     * @param key the key's value; never null
     * @throws NotFoundException if the project has no such key (also when a retried delete had already succeeded)
     * @throws NullPointerException if {@code key} is null
     */
    public void delete(String key) {
        project.transport().send(project.request(Method.DELETE, "keys", requireNonNull(key, "key is null")));
    }

    private AccessKey send(Method method, String... path) {
        return project.transport().send(project.request(method, path), KeyJson.class, KeyJson::toModel);
    }
}
