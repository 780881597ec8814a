package io.cairn.cli.command;

import io.cairn.cli.Cli;
import io.cairn.cli.Logging;
import io.cairn.cli.config.ConfigLoader;
import io.cairn.core.AdminConfig;
import io.cairn.core.CairnCore;
import io.cairn.core.StorageConfig;
import io.cairn.core.project.CreatedProject;
import io.cairn.core.project.IssuedKey;
import io.cairn.server.CairnServer;
import io.cairn.server.HttpConfig;
import io.cairn.server.ServerConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cairn serve}: the server on the embedded storage, until SIGTERM or SIGINT. On a new data directory it
 * creates a project named {@code default} and prints its keys once.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the Cairn server on the embedded storage (DuckDB files in the data directory).",
            "Settings come from defaults, then the config file, then CAIRN_* environment variables, then flags."})
public final class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);
    static final String DEFAULT_PROJECT = "default";

    private final Cli cli;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on; 0 picks a free one (default 8080).")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default 127.0.0.1).")
    String bind;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (default ./cairn-data).")
    Path dataDir;

    @Option(names = "--admin-token", paramLabel = "TOKEN",
            description = "Admin API token (default: generated at first start into DIR/admin-token).")
    String adminToken;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Config file (default: DIR/cairn.properties when it exists).")
    Path config;

    public ServeCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws InterruptedException {
        ConfigLoader.Loaded loaded = new ConfigLoader(cli.environment()).load(Optional.ofNullable(config), flags());
        ServerConfig serverConfig = loaded.config();
        Logging.apply(serverConfig.log());
        loaded.file().ifPresent(file -> log.info("config file read path={}", file));
        loaded.unknownKeys().forEach(key -> log.warn("unknown setting ignored key={}", key));
        log.info("config effective {}", serverConfig.describe());

        CairnCore core = CairnCore.open(serverConfig.core());
        CairnServer server;
        try {
            server = CairnServer.start(serverConfig, core);
        } catch (RuntimeException e) {
            core.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("cairn-shutdown").unstarted(() -> {
            server.close();
            core.close();
            stopped.countDown();
        }));
        if (core.firstStart() && core.projects().listProjects().isEmpty()) {
            printFirstStart(core, server);
        }
        cli.out().println("Cairn is listening on " + server.baseUri());
        cli.out().flush();
        stopped.await();
        return 0;
    }

    private Map<String, String> flags() {
        Map<String, String> flags = new LinkedHashMap<>();
        if (port != null) {
            flags.put(HttpConfig.PORT, port.toString());
        }
        if (bind != null) {
            flags.put(HttpConfig.BIND, bind);
        }
        if (dataDir != null) {
            flags.put(StorageConfig.DATA_DIR, dataDir.toString());
        }
        if (adminToken != null) {
            flags.put(AdminConfig.TOKEN, adminToken);
        }
        return flags;
    }

    /** The one time these secrets are shown: a block that stands out on stdout. */
    private void printFirstStart(CairnCore core, CairnServer server) {
        CreatedProject created = core.projects().createProject(DEFAULT_PROJECT);
        PrintWriter out = cli.out();
        String rule = "=".repeat(78);
        out.println(rule);
        out.println("Cairn: first start. Created project \"" + DEFAULT_PROJECT + "\" with these keys.");
        out.println("They are shown only now; store them somewhere safe.");
        out.println();
        out.println("  project id   " + created.project().id());
        for (IssuedKey key : created.keys()) {
            out.printf("  %-6s key   %s   (key id %s)%n", key.key().role().id(), key.secret(), key.key().id());
        }
        core.adminToken().file().ifPresent(file -> {
            out.println();
            out.println("  admin token  " + core.adminToken().reveal());
            out.println("               (kept in " + file + "; 'cairn projects ...' reads it from there)");
        });
        out.println();
        out.println("  Try: curl " + server.baseUri() + "/health");
        out.println(rule);
        out.flush();
    }
}
