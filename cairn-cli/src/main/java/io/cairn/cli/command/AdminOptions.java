package io.cairn.cli.command;

import io.cairn.cli.Cli;
import io.cairn.cli.output.Printer;
import io.cairn.client.Cairn;
import io.cairn.core.StorageConfig;
import io.cairn.core.config.Settings;
import io.cairn.core.project.AdminToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * How admin commands reach a running server: its URL and the admin token. The token comes from
 * {@code --admin-token}, else {@code CAIRN_ADMIN_TOKEN}, else the {@code admin-token} file of the data directory
 * ({@code --data-dir}, {@code CAIRN_STORAGE_DATA_DIR}, or {@code ./cairn-data}), so that on the server's own machine
 * nothing needs to be typed.
 */
public final class AdminOptions {

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Server URL (default: $CAIRN_URL, else http://127.0.0.1:8080).")
    String url;

    @Option(names = "--admin-token", scope = ScopeType.INHERIT, paramLabel = "TOKEN",
            description = "Admin token (default: $CAIRN_ADMIN_TOKEN, else the data directory's admin-token file).")
    String adminToken;

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Where to look for the admin-token file (default: $CAIRN_STORAGE_DATA_DIR, else"
                    + " ./cairn-data).")
    Path dataDir;

    @Option(names = "--format", scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "Output format: table, csv, tsv or json (default: table).")
    Printer.Format format = Printer.Format.TABLE;

    /** An SDK client for the server, authenticated as admin. */
    Cairn client(Cli cli) {
        return Cairn.builder().baseUrl(url(cli)).adminToken(token(cli)).build();
    }

    Printer printer() {
        return Printer.of(format);
    }

    private String url(Cli cli) {
        return Optional.ofNullable(url).or(() -> Optional.ofNullable(cli.environment().get("CAIRN_URL")))
                .orElse("http://127.0.0.1:8080");
    }

    private String token(Cli cli) {
        if (adminToken != null) {
            return adminToken;
        }
        String fromEnvironment = cli.environment().get("CAIRN_ADMIN_TOKEN");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.trim();
        }
        Path directory = Optional.ofNullable(dataDir)
                .or(() -> Optional.ofNullable(cli.environment().get("CAIRN_STORAGE_DATA_DIR")).map(Path::of))
                .orElse(StorageConfig.from(Settings.empty()).dataDir());
        Path file = directory.resolve(AdminToken.FILE_NAME);
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("no admin token: pass --admin-token, set CAIRN_ADMIN_TOKEN, or run where"
                    + " the server's data directory is (looked for " + file + ")");
        }
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
