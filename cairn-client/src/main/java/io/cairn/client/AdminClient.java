package io.cairn.client;

import static java.util.Objects.requireNonNull;

import io.cairn.client.AdminWire.CreatedProjectJson;
import io.cairn.client.AdminWire.KeyJson;
import io.cairn.client.AdminWire.KeyListJson;
import io.cairn.client.AdminWire.NewKey;
import io.cairn.client.AdminWire.NewProject;
import io.cairn.client.AdminWire.ProjectJson;
import io.cairn.client.AdminWire.ProjectListJson;
import io.cairn.client.error.BadRequestException;
import io.cairn.client.error.CairnApiException;
import io.cairn.client.error.CairnClientException;
import io.cairn.client.error.CairnConnectionException;
import io.cairn.client.error.ConflictException;
import io.cairn.client.error.NotFoundException;
import io.cairn.client.error.UnauthorizedException;
import io.cairn.client.internal.ApiRequest;
import io.cairn.client.internal.Auth;
import io.cairn.client.internal.Method;
import io.cairn.client.internal.Transport;
import io.cairn.client.model.ApiKey;
import io.cairn.client.model.CreatedProject;
import io.cairn.client.model.IssuedKey;
import io.cairn.client.model.KeyRole;
import io.cairn.client.model.Project;
import java.util.List;

/**
 * Cairn's admin API ({@code /admin/v1}): projects and their keys, authenticated with the admin token. Obtained from
 * {@link Cairn#admin()}; immutable, thread-safe, and usable until its {@link Cairn} is closed.
 *
 * <p>Every method may throw, besides what it lists: {@link IllegalStateException} if the {@link Cairn} has no
 * admin token or is closed; {@link UnauthorizedException} if the server rejects the token; {@link
 * CairnConnectionException} if the server cannot be reached; another {@link CairnApiException} for any other error
 * answer; {@link CairnClientException} if the answer cannot be read. Reads and deletes are retried on connection
 * failures and 503; creations are not, so after a {@link CairnConnectionException} a creation may have happened.
 */
public final class AdminClient {

    private final Transport transport;
    private final String adminToken;

    AdminClient(Transport transport, String adminToken) {
        this.transport = requireNonNull(transport, "transport is null");
        this.adminToken = adminToken;
    }

    /**
     * Creates a project with one key of each role.
     *
     * @param name the project's unique name; never null
     * @return the project and its keys, whose secrets are shown only this once; never null
     * @throws ConflictException if a project with that name exists
     * @throws BadRequestException if the server rejects the name ({@link BadRequestException#field()} is
     *     {@code name})
     * @throws NullPointerException if {@code name} is null
     */
    public CreatedProject createProject(String name) {
        requireNonNull(name, "name is null");
        ApiRequest request = request(Method.POST, "projects").withBody(new NewProject(name));
        return transport.send(request, CreatedProjectJson.class, CreatedProjectJson::toModel);
    }

    /**
     * Lists all projects.
     *
     * @return the projects in the server's order; never null, empty when there are none
     */
    public List<Project> listProjects() {
        return transport.send(request(Method.GET, "projects"), ProjectListJson.class, ProjectListJson::toModel);
    }

    /**
     * Gets one project.
     *
     * @param projectId the project id; never null
     * @return the project; never null
     * @throws NotFoundException if there is no such project
     * @throws NullPointerException if {@code projectId} is null
     */
    public Project getProject(String projectId) {
        requireNonNull(projectId, "projectId is null");
        return transport.send(request(Method.GET, "projects", projectId), ProjectJson.class, ProjectJson::toModel);
    }

    /**
     * Deletes a project with all its data and keys.
     *
     * @param projectId the project id; never null
     * @throws NotFoundException if there is no such project (also when a retried delete had already succeeded)
     * @throws NullPointerException if {@code projectId} is null
     */
    public void deleteProject(String projectId) {
        requireNonNull(projectId, "projectId is null");
        transport.send(request(Method.DELETE, "projects", projectId));
    }

    /**
     * Issues a new key for a project.
     *
     * @param projectId the project id; never null
     * @param role what the key may do; never null
     * @param name a label for the key; null for none
     * @return the key with its secret, shown only this once; never null
     * @throws NotFoundException if there is no such project
     * @throws NullPointerException if {@code projectId} or {@code role} is null
     */
    public IssuedKey createKey(String projectId, KeyRole role, String name) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(role, "role is null");
        ApiRequest request = request(Method.POST, "projects", projectId, "keys")
                .withBody(new NewKey(role.wireName(), name));
        return transport.send(request, KeyJson.class, KeyJson::toIssued);
    }

    /**
     * Lists a project's keys, revoked ones included, without their secrets.
     *
     * @param projectId the project id; never null
     * @return the keys in the server's order; never null
     * @throws NotFoundException if there is no such project
     * @throws NullPointerException if {@code projectId} is null
     */
    public List<ApiKey> listKeys(String projectId) {
        requireNonNull(projectId, "projectId is null");
        return transport.send(request(Method.GET, "projects", projectId, "keys"), KeyListJson.class,
                KeyListJson::toModel);
    }

    /**
     * Revokes a key: the server stops accepting it at once. The key stays listed, marked revoked.
     *
     * @param projectId the project id; never null
     * @param keyId the key id; never null
     * @throws NotFoundException if there is no such project or key
     * @throws NullPointerException if an argument is null
     */
    public void revokeKey(String projectId, String keyId) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(keyId, "keyId is null");
        transport.send(request(Method.DELETE, "projects", projectId, "keys", keyId));
    }

    private ApiRequest request(Method method, String... path) {
        if (adminToken == null) {
            throw new IllegalStateException(
                    "no admin token: set one with Cairn.builder().adminToken(...) to use the admin API");
        }
        String[] segments = new String[path.length + 2];
        segments[0] = "admin";
        segments[1] = "v1";
        System.arraycopy(path, 0, segments, 2, path.length);
        return ApiRequest.of(method, segments).withAuth(Auth.bearer(adminToken));
    }
}
