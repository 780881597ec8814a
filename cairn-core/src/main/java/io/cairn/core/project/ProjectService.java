package io.cairn.core.project;

import static java.util.Objects.requireNonNull;

import io.cairn.core.error.ConflictException;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.error.NotFoundException;
import io.cairn.core.error.UnauthenticatedException;
import io.cairn.core.model.Hex;
import io.cairn.core.model.KeyId;
import io.cairn.core.model.ProjectId;
import io.cairn.core.storage.Catalog;
import io.cairn.core.storage.StorageEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Projects and their keys, and the one place where credentials become a {@link Principal}: project keys, access
 * keys ({@link #accessKeys()}) and Keen scoped keys.
 *
 * <p>Every key is cached in memory (by the hash of its secret and by its id) so that authenticating a request
 * costs a hash and a map lookup, not a catalog read. The cache is filled at start and changed only after the
 * catalog write it mirrors has committed. Thread-safe.
 */
public final class ProjectService {

    private static final Logger log = LoggerFactory.getLogger(ProjectService.class);
    /** 64 lowercase hex characters = 256 random bits, the form Keen's clients expect of a master key. */
    public static final int SECRET_LENGTH = 64;
    private static final int MAX_KEY_NAME_LENGTH = 200;

    private final StorageEngine storage;
    private final Catalog catalog;
    private final Keyring keyring;
    private final Clock clock;
    private final Consumer<ProjectId> onDelete;
    private final Map<String, StoredKey> keysBySecretHash = new ConcurrentHashMap<>();
    private final Map<KeyId, StoredKey> keysById = new ConcurrentHashMap<>();
    private final AccessKeyService accessKeys;

    /** @param onDelete told of each deleted project, so that services can drop what they cache about it */
    public ProjectService(StorageEngine storage, Keyring keyring, Clock clock, Consumer<ProjectId> onDelete) {
        this.storage = requireNonNull(storage, "storage is null");
        this.catalog = storage.catalog();
        this.keyring = requireNonNull(keyring, "keyring is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.onDelete = requireNonNull(onDelete, "onDelete is null");
        catalog.listAllKeys().forEach(this::remember);
        this.accessKeys = new AccessKeyService(catalog, keyring, clock);
    }

    /** The projects' access keys, which authenticate through {@link #authenticate} like project keys. */
    public AccessKeyService accessKeys() {
        return accessKeys;
    }

    /** Creates a project with one master, one write and one read key, and its storage. */
    public CreatedProject createProject(String name) {
        ProjectName.require(name);
        if (findProjectByName(name).isPresent()) {
            throw new ConflictException(ErrorCode.PROJECT_NAME_TAKEN, "a project named " + name + " already exists");
        }
        Project project = new Project(ProjectId.random(), name, now());
        List<IssuedKey> issued = new ArrayList<>();
        List<StoredKey> stored = new ArrayList<>();
        for (Role role : Role.values()) {
            String secret = Hex.random(SECRET_LENGTH);
            StoredKey key = newKey(project.id(), role, null, secret, project.createdAt());
            issued.add(new IssuedKey(key.key(), secret));
            stored.add(key);
        }
        storage.createProject(project.id());
        try {
            catalog.createProject(project, stored);
        } catch (RuntimeException e) {
            storage.dropProject(project.id());
            throw e;
        }
        stored.forEach(this::remember);
        log.info("project created project={} name={}", project.id(), name);
        return new CreatedProject(project, issued);
    }

    public List<Project> listProjects() {
        return catalog.listProjects();
    }

    public Optional<Project> findProject(ProjectId projectId) {
        return catalog.findProject(projectId);
    }

    public Optional<Project> findProjectByName(String name) {
        return listProjects().stream().filter(project -> project.name().equals(name)).findFirst();
    }

    public Project getProject(ProjectId projectId) {
        return findProject(projectId).orElseThrow(() -> projectNotFound(projectId));
    }

    /** Deletes the project, its keys (they stop working at once) and all its data. */
    public void deleteProject(ProjectId projectId) {
        if (!catalog.deleteProject(projectId)) {
            throw projectNotFound(projectId);
        }
        keysById.values().removeIf(key -> key.key().projectId().equals(projectId));
        keysBySecretHash.values().removeIf(key -> key.key().projectId().equals(projectId));
        accessKeys.forgetProject(projectId);
        storage.dropProject(projectId);
        onDelete.accept(projectId);
        log.info("project deleted project={}", projectId);
    }

    /** Issues a new key for the project; the secret is in the result and nowhere else. */
    public IssuedKey createKey(ProjectId projectId, Role role, String name) {
        requireNonNull(role, "role is null");
        if (name != null && (name.isBlank() || name.length() > MAX_KEY_NAME_LENGTH)) {
            throw InvalidRequestException.field("name",
                    "name must be 1-" + MAX_KEY_NAME_LENGTH + " characters when given");
        }
        getProject(projectId);
        String secret = Hex.random(SECRET_LENGTH);
        StoredKey key = newKey(projectId, role, name, secret, now());
        catalog.insertKey(key);
        remember(key);
        log.info("key created project={} key={} role={}", projectId, key.key().id(), role.id());
        return new IssuedKey(key.key(), secret);
    }

    /** The project's keys without secrets, revoked ones included. */
    public List<ApiKey> listKeys(ProjectId projectId) {
        getProject(projectId);
        return catalog.listKeys(projectId).stream().map(StoredKey::key).toList();
    }

    /** Revokes a key: it stops authenticating at once. Revoking a revoked key changes nothing. */
    public ApiKey revokeKey(ProjectId projectId, KeyId keyId) {
        getProject(projectId);
        if (!catalog.revokeKey(projectId, keyId)) {
            throw new NotFoundException(ErrorCode.KEY_NOT_FOUND, "project " + projectId + " has no key " + keyId);
        }
        StoredKey revoked = keysById.get(keyId);
        if (revoked != null) {
            remember(revoked.withKey(revoked.key().asRevoked()));
        }
        log.info("key revoked project={} key={}", projectId, keyId);
        return listKeys(projectId).stream().filter(key -> key.id().equals(keyId)).findFirst()
                .orElseThrow(() -> new NotFoundException(ErrorCode.KEY_NOT_FOUND, "no key " + keyId));
    }

    /**
     * The principal a credential stands for. An access key's or a scoped key's principal has a {@link
     * Scope.Restricted restricted scope}.
     *
     * @throws UnauthenticatedException for unknown or revoked credentials, and for scoped keys that do not open
     *                                  with an active master key of their project into valid options
     */
    public Principal authenticate(Credential credential) {
        return switch (credential) {
            case Credential.Secret secret -> bySecret(secret.secret());
            case Credential.IdAndSecret pair -> projectKey(findById(pair.id())
                    .filter(key -> keyring.matches(pair.secret(), key.secretHash()))
                    .orElse(null));
            case Credential.ScopedKey scoped -> openScopedKey(scoped);
        };
    }

    private Principal bySecret(String secret) {
        // The lookups compare keyed hashes, never secrets, so their timing tells an attacker nothing.
        String hash = hashHex(secret);
        StoredKey key = keysBySecretHash.get(hash);
        if (key != null) {
            return projectKey(key);
        }
        return accessKeys.principal(hash).orElseThrow(ProjectService::unknownKey);
    }

    private static Principal projectKey(StoredKey stored) {
        if (stored == null || stored.key().revoked()) {
            throw unknownKey();
        }
        ApiKey key = stored.key();
        return new Principal(key.projectId(), key.id(), key.role(), Scope.PROJECT);
    }

    /** Tries the project's active master keys in turn; the one that opens the key becomes the principal's key id. */
    private Principal openScopedKey(Credential.ScopedKey scoped) {
        for (StoredKey stored : keysById.values()) {
            ApiKey key = stored.key();
            if (!key.projectId().equals(scoped.projectId()) || key.role() != Role.MASTER || key.revoked()
                    || stored.sealedSecret() == null) {
                continue;
            }
            Optional<Map<String, Object>> options = ScopedKeys.options(scoped.key(),
                    keyring.open(stored.sealedSecret()));
            if (options.isPresent()) {
                try {
                    return Principal.restricted(key.projectId(), key.id(), KeyOptions.scopedKeyScope(options.get()));
                } catch (InvalidRequestException e) {
                    throw new UnauthenticatedException(ErrorCode.INVALID_CREDENTIALS,
                            "this scoped key's options are not valid: " + e.getMessage());
                }
            }
        }
        throw new UnauthenticatedException(ErrorCode.INVALID_CREDENTIALS,
                "this scoped key does not open with a master key of project " + scoped.projectId());
    }

    private Optional<StoredKey> findById(String id) {
        return KeyId.isValid(id) ? Optional.ofNullable(keysById.get(KeyId.of(id))) : Optional.empty();
    }

    private StoredKey newKey(ProjectId projectId, Role role, String name, String secret, Instant createdAt) {
        ApiKey key = new ApiKey(KeyId.random(), projectId, role, name, createdAt, false);
        // Only master secrets are ever needed in plaintext by the server (Keen scoped keys are encrypted with them).
        byte[] sealed = role == Role.MASTER ? keyring.seal(secret) : null;
        return new StoredKey(key, keyring.hash(secret), sealed);
    }

    private void remember(StoredKey key) {
        keysById.put(key.key().id(), key);
        keysBySecretHash.put(key.secretHashHex(), key);
    }

    private String hashHex(String secret) {
        return HexFormat.of().formatHex(keyring.hash(secret));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static UnauthenticatedException unknownKey() {
        return new UnauthenticatedException(ErrorCode.INVALID_CREDENTIALS, "unknown or revoked key");
    }

    private static NotFoundException projectNotFound(ProjectId projectId) {
        return new NotFoundException(ErrorCode.PROJECT_NOT_FOUND, "no project " + projectId);
    }
}
