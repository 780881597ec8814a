package io.cairn.cli.command;

import io.cairn.cli.Cli;
import io.cairn.cli.output.Printer;
import io.cairn.cli.output.Table;
import io.cairn.client.Cairn;
import io.cairn.client.model.CreatedProject;
import io.cairn.client.model.IssuedKey;
import io.cairn.client.model.Project;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn projects create|list|delete}, through a running server's admin API. */
@Command(name = "projects", description = "Create, list and delete projects on a running server.",
        mixinStandardHelpOptions = true)
public final class ProjectsCommand implements Runnable {

    private final Cli cli;

    @Mixin
    AdminOptions options;

    @Spec
    CommandSpec spec;

    public ProjectsCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(cli.out());
    }

    @Command(name = "create", description = "Create a project and print its master, write and read keys (once).",
            mixinStandardHelpOptions = true)
    void create(@Parameters(paramLabel = "NAME", description = "A slug: a-z, 0-9 and '-', up to 63 characters.")
            String name) {
        try (Cairn cairn = options.client(cli)) {
            CreatedProject created = cairn.admin().createProject(name);
            List<List<String>> rows = new ArrayList<>();
            for (IssuedKey issued : created.keys()) {
                rows.add(List.of(created.project().id(), created.project().name(), issued.key().role().wireName(),
                        issued.key().id(), issued.secret()));
            }
            options.printer().print(new Table(List.of("project_id", "project", "role", "key_id", "secret"), rows),
                    cli.out());
            if (options.format == Printer.Format.TABLE) {
                cli.err().println("Store the secrets now: they are not shown again.");
                cli.err().flush();
            }
        }
    }

    @Command(name = "list", description = "List projects.", mixinStandardHelpOptions = true)
    void list() {
        try (Cairn cairn = options.client(cli)) {
            List<List<String>> rows = new ArrayList<>();
            for (Project project : cairn.admin().listProjects()) {
                rows.add(List.of(project.id(), project.name(), project.createdAt().toString()));
            }
            options.printer().print(new Table(List.of("id", "name", "created_at"), rows), cli.out());
        }
    }

    @Command(name = "delete", description = "Delete a project with all its keys and data.",
            mixinStandardHelpOptions = true)
    void delete(@Parameters(paramLabel = "PROJECT", description = "The project's id or name.") String project) {
        try (Cairn cairn = options.client(cli)) {
            Project target = ProjectRef.resolve(cairn, project);
            cairn.admin().deleteProject(target.id());
            cli.out().println("deleted project " + target.name() + " (" + target.id() + ")");
            cli.out().flush();
        }
    }
}
