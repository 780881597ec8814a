package io.cairn.server.testing;

import io.cairn.core.CairnCore;
import io.cairn.core.CoreConfig;
import io.cairn.core.model.DataSize;
import io.cairn.core.project.CreatedProject;
import io.cairn.server.CairnServer;
import io.cairn.server.HttpConfig;
import io.cairn.server.ServerConfig;
import io.cairn.server.dialect.Dialect;
import io.cairn.server.dialect.DialectContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the real Cairn server on port 0 with a fresh data directory once per test class, and stops it after.
 * Register with {@code @RegisterExtension static final CairnServerExtension server = new CairnServerExtension();}.
 */
public class CairnServerExtension implements BeforeAllCallback, AfterAllCallback {

    private UnaryOperator<ServerConfig> customizer = UnaryOperator.identity();
    private Clock clock = Clock.systemUTC();
    private final List<Function<DialectContext, Dialect>> extraDialects = new ArrayList<>();
    private Path dataDir;
    private CairnCore core;
    private CairnServer server;
    private TestHttp http;

    /** Adjusts the server configuration before start (e.g. a small body limit). */
    public CairnServerExtension configure(UnaryOperator<ServerConfig> customizer) {
        this.customizer = customizer;
        return this;
    }

    /** Runs the core on {@code clock} (e.g. a clock the test moves) instead of the system's. */
    public CairnServerExtension withClock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** Mounts a test-only dialect beside the standard ones. */
    public CairnServerExtension withDialect(Function<DialectContext, Dialect> dialect) {
        extraDialects.add(dialect);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("cairn-test-");
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
        deleteTree(dataDir);
    }

    /** Starts (again) on the same data directory. */
    public void start() {
        ServerConfig defaults = ServerConfig.defaults();
        CoreConfig core = defaults.core().withStorage(
                defaults.core().storage().withDataDir(dataDir).withMemory(DataSize.ofMegabytes(512)));
        HttpConfig http = defaults.http().withPort(0);
        ServerConfig config = customizer.apply(defaults.withCore(core).withHttp(http));
        this.core = CairnCore.open(config.core(), clock);
        this.server = CairnServer.start(config, this.core, extraDialects);
        this.http = new TestHttp(server.baseUri());
    }

    /** Stops the server and closes storage, as a clean shutdown does. */
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
        if (core != null) {
            core.close();
            core = null;
        }
    }

    public URI baseUri() {
        return server.baseUri();
    }

    public Path dataDir() {
        return dataDir;
    }

    public String adminToken() {
        return core.adminToken().reveal();
    }

    public CairnCore core() {
        return core;
    }

    public TestHttp http() {
        return http;
    }

    /** A fresh project with its three keys, so that tests stay isolated without restarting. */
    public CreatedProject newProject() {
        return core.projects().createProject("p-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
