package io.cairn.core.project;

import static java.util.Objects.requireNonNull;

import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.error.NotFoundException;
import io.cairn.core.error.UnauthenticatedException;
import io.cairn.core.model.Hex;
import io.cairn.core.model.KeyId;
import io.cairn.core.model.ProjectId;
import io.cairn.core.storage.Catalog;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access keys: keys a project's master key holder creates with chosen permissions and options (Keen's {@code
 * /keys}). They are addressed by their secret, as Keen's API addresses them, and authenticate through {@link
 * ProjectService#authenticate}, which asks {@link #principal} here.
 *
 * <p>Like project keys, every access key is cached in memory by the hash of its secret, with its parsed scope, so
 * authenticating costs a hash and a map lookup. The cache changes only after the catalog write it mirrors has
 * committed; mutations are serialized so that the cache and the catalog cannot disagree. Thread-safe.
 */
public final class AccessKeyService {

    private static final Logger log = LoggerFactory.getLogger(AccessKeyService.class);
    private static final Comparator<StoredAccessKey> OLDEST_FIRST =
            Comparator.comparing(StoredAccessKey::createdAt).thenComparing(key -> key.id().value());

    /** A cached key with its scope; empty when its stored options no longer parse, and the key is then refused. */
    private record Entry(StoredAccessKey stored, Optional<Scope.Restricted> scope) {}

    private final Catalog catalog;
    private final Keyring keyring;
    private final Clock clock;
    private final Map<String, Entry> bySecretHash = new ConcurrentHashMap<>();

    AccessKeyService(Catalog catalog, Keyring keyring, Clock clock) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.keyring = requireNonNull(keyring, "keyring is null");
        this.clock = requireNonNull(clock, "clock is null");
        catalog.listAllAccessKeys().forEach(this::rememberAtStart);
    }

    /**
     * Creates an access key with a fresh 64-hex-character secret.
     *
     * @throws InvalidRequestException when an enforced option is malformed
     * @throws NotFoundException       when there is no such project
     */
    public synchronized AccessKey create(ProjectId projectId, AccessKeySpec spec) {
        Scope.Restricted scope = KeyOptions.accessKeyScope(spec);
        requireProject(projectId);
        String secret = Hex.random(ProjectService.SECRET_LENGTH);
        Instant now = now();
        StoredAccessKey stored = new StoredAccessKey(KeyId.random(), projectId, spec, now, now,
                keyring.hash(secret), keyring.seal(secret));
        catalog.insertAccessKey(stored);
        bySecretHash.put(stored.secretHashHex(), new Entry(stored, Optional.of(scope)));
        log.info("access key created project={} key={}", projectId, stored.id());
        return reveal(stored);
    }

    /** The project's access keys, revoked ones included, oldest first. */
    public List<AccessKey> list(ProjectId projectId) {
        requireProject(projectId);
        return bySecretHash.values().stream().map(Entry::stored)
                .filter(key -> key.projectId().equals(projectId))
                .sorted(OLDEST_FIRST).map(this::reveal).toList();
    }

    /** @throws NotFoundException unless {@code secret} is an access key of the project */
    public AccessKey get(ProjectId projectId, String secret) {
        return reveal(find(projectId, secret).stored());
    }

    /**
     * Replaces the key's name, state, permissions and options; its secret stays.
     *
     * @throws InvalidRequestException when an enforced option is malformed
     * @throws NotFoundException       unless {@code secret} is an access key of the project
     */
    public synchronized AccessKey update(ProjectId projectId, String secret, AccessKeySpec spec) {
        Scope.Restricted scope = KeyOptions.accessKeyScope(spec);
        StoredAccessKey changed = find(projectId, secret).stored().withSpec(spec, now());
        replace(changed, Optional.of(scope));
        log.info("access key updated project={} key={}", projectId, changed.id());
        return reveal(changed);
    }

    /** Makes the key inactive: it stops authenticating at once, and is kept. Revoking twice changes nothing. */
    public synchronized AccessKey revoke(ProjectId projectId, String secret) {
        return changeState(projectId, secret, false);
    }

    /** Makes a revoked key active again. */
    public synchronized AccessKey unrevoke(ProjectId projectId, String secret) {
        return changeState(projectId, secret, true);
    }

    /** Deletes the key for good. */
    public synchronized void delete(ProjectId projectId, String secret) {
        Entry entry = find(projectId, secret);
        if (!catalog.deleteAccessKey(projectId, entry.stored().id())) {
            throw notFound(projectId);
        }
        bySecretHash.remove(entry.stored().secretHashHex());
        log.info("access key deleted project={} key={}", projectId, entry.stored().id());
    }

    /**
     * The principal of the access key whose secret hashes to {@code secretHashHex}, if there is one.
     *
     * @throws UnauthenticatedException when that key is revoked or its options no longer parse
     */
    Optional<Principal> principal(String secretHashHex) {
        Entry entry = bySecretHash.get(secretHashHex);
        if (entry == null) {
            return Optional.empty();
        }
        StoredAccessKey key = entry.stored();
        if (!key.spec().active() || entry.scope().isEmpty()) {
            throw new UnauthenticatedException(ErrorCode.INVALID_CREDENTIALS, "unknown or revoked key");
        }
        return Optional.of(Principal.restricted(key.projectId(), key.id(), entry.scope().get()));
    }

    /** Drops a deleted project's keys from the cache (the catalog deleted them with the project). */
    void forgetProject(ProjectId projectId) {
        bySecretHash.values().removeIf(entry -> entry.stored().projectId().equals(projectId));
    }

    private AccessKey changeState(ProjectId projectId, String secret, boolean active) {
        Entry entry = find(projectId, secret);
        if (entry.stored().spec().active() == active) {
            return reveal(entry.stored());
        }
        StoredAccessKey changed = entry.stored().withSpec(entry.stored().spec().withActive(active), now());
        replace(changed, entry.scope());
        log.info("access key {} project={} key={}", active ? "unrevoked" : "revoked", projectId, changed.id());
        return reveal(changed);
    }

    private void replace(StoredAccessKey changed, Optional<Scope.Restricted> scope) {
        if (!catalog.updateAccessKey(changed)) {
            throw notFound(changed.projectId());
        }
        bySecretHash.put(changed.secretHashHex(), new Entry(changed, scope));
    }

    private Entry find(ProjectId projectId, String secret) {
        requireProject(projectId);
        Entry entry = secret == null ? null
                : bySecretHash.get(HexFormat.of().formatHex(keyring.hash(secret)));
        if (entry == null || !entry.stored().projectId().equals(projectId)) {
            throw notFound(projectId);
        }
        return entry;
    }

    private void rememberAtStart(StoredAccessKey stored) {
        Optional<Scope.Restricted> scope;
        try {
            scope = Optional.of(KeyOptions.accessKeyScope(stored.spec()));
        } catch (InvalidRequestException e) {
            // Options stored by an older, more lenient Cairn: refuse the key rather than enforce half its options.
            log.warn("access key options no longer valid; the key is refused until updated project={} key={}"
                    + " problem=\"{}\"", stored.projectId(), stored.id(), e.getMessage());
            scope = Optional.empty();
        }
        bySecretHash.put(stored.secretHashHex(), new Entry(stored, scope));
    }

    private AccessKey reveal(StoredAccessKey stored) {
        return new AccessKey(stored.id(), stored.projectId(), keyring.open(stored.sealedSecret()), stored.spec(),
                stored.createdAt(), stored.updatedAt());
    }

    private void requireProject(ProjectId projectId) {
        if (catalog.findProject(projectId).isEmpty()) {
            throw new NotFoundException(ErrorCode.PROJECT_NOT_FOUND, "no project " + projectId);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static NotFoundException notFound(ProjectId projectId) {
        return new NotFoundException(ErrorCode.KEY_NOT_FOUND, "project " + projectId + " has no such access key");
    }
}
