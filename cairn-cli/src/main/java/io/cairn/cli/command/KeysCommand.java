package io.cairn.cli.command;

import io.cairn.cli.Cli;
import io.cairn.cli.output.Table;
import io.cairn.client.Cairn;
import io.cairn.client.model.ApiKey;
import io.cairn.client.model.IssuedKey;
import io.cairn.client.model.KeyRole;
import io.cairn.client.model.Project;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn keys create|list|revoke}, through a running server's admin API. */
@Command(name = "keys", description = "Issue, list and revoke a project's keys on a running server.",
        mixinStandardHelpOptions = true)
public final class KeysCommand implements Runnable {

    private final Cli cli;

    @Mixin
    AdminOptions options;

    @Spec
    CommandSpec spec;

    public KeysCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(cli.out());
    }

    @Command(name = "create", description = "Issue a key and print its secret (once).", mixinStandardHelpOptions = true)
    void create(@Parameters(paramLabel = "PROJECT", description = "The project's id or name.") String project,
            @Option(names = "--role", required = true, paramLabel = "ROLE",
                    description = "master, write (ingest only) or read (queries only).") String role,
            @Option(names = "--name", paramLabel = "NAME", description = "A label for the key.") String name) {
        KeyRole keyRole = KeyRole.fromWireName(role.toLowerCase(Locale.ROOT)).orElseThrow(() ->
                new IllegalArgumentException("--role must be one of " + Arrays.stream(KeyRole.values())
                        .map(KeyRole::wireName).collect(Collectors.joining(", "))));
        try (Cairn cairn = options.client(cli)) {
            Project target = ProjectRef.resolve(cairn, project);
            IssuedKey issued = cairn.admin().createKey(target.id(), keyRole, name);
            options.printer().print(new Table(List.of("project_id", "role", "key_id", "name", "secret"),
                    List.of(Arrays.asList(target.id(), issued.key().role().wireName(), issued.key().id(),
                            issued.key().name(), issued.secret()))), cli.out());
        }
    }

    @Command(name = "list", description = "List a project's keys (never their secrets).",
            mixinStandardHelpOptions = true)
    void list(@Parameters(paramLabel = "PROJECT", description = "The project's id or name.") String project) {
        try (Cairn cairn = options.client(cli)) {
            Project target = ProjectRef.resolve(cairn, project);
            List<List<String>> rows = new ArrayList<>();
            for (ApiKey key : cairn.admin().listKeys(target.id())) {
                rows.add(Arrays.asList(key.id(), key.role().wireName(), key.name(), key.createdAt().toString(),
                        Boolean.toString(key.revoked())));
            }
            options.printer().print(new Table(List.of("id", "role", "name", "created_at", "revoked"), rows),
                    cli.out());
        }
    }

    @Command(name = "revoke", description = "Revoke a key: it stops working at once.", mixinStandardHelpOptions = true)
    void revoke(@Parameters(paramLabel = "PROJECT", description = "The project's id or name.") String project,
            @Parameters(paramLabel = "KEY_ID", description = "The key's id (not its secret).") String keyId) {
        try (Cairn cairn = options.client(cli)) {
            Project target = ProjectRef.resolve(cairn, project);
            cairn.admin().revokeKey(target.id(), keyId);
            cli.out().println("revoked key " + keyId + " of project " + target.name());
            cli.out().flush();
        }
    }
}
