package io.cairn.cli.command;

import io.cairn.cli.Cli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cairn}: prints help when run without a subcommand. */
@Command(name = "cairn",
        description = "Cairn: self-hosted analytics speaking the Keen IO, TempoDB, CARTO, Redash and ClicData APIs.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        subcommands = {ServeCommand.class, ProjectsCommand.class, KeysCommand.class, BenchCommand.class,
            VersionCommand.class},
        footer = {"", "Run 'cairn <command> --help' for the options of a command."})
public final class RootCommand implements Runnable {

    private final Cli cli;

    @Spec
    CommandSpec spec;

    public RootCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(cli.out());
    }
}
