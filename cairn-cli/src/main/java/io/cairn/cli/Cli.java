package io.cairn.cli;

import io.cairn.cli.command.RootCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/**
 * Builds the {@code cairn} command line. The process environment and output streams are passed in, so that tests
 * run commands in-process and read what they print.
 */
public final class Cli {

    private final Map<String, String> environment;
    private final PrintWriter out;
    private final PrintWriter err;

    public Cli(Map<String, String> environment, PrintWriter out, PrintWriter err) {
        this.environment = Map.copyOf(environment);
        this.out = out;
        this.err = err;
    }

    /** The real process: its environment, stdout and stderr. */
    public static Cli standard() {
        return new Cli(System.getenv(), new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    }

    public Map<String, String> environment() {
        return environment;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** Runs one command line and returns its exit code (0 success, 1 failure, 2 usage error). */
    public int execute(String... args) {
        return commandLine().execute(args);
    }

    public CommandLine commandLine() {
        CommandLine line = new CommandLine(RootCommand.class, new CommandFactory());
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler(new Failures(err));
        return line;
    }

    /** Creates commands with this Cli when they take one, so they print to its streams and read its environment. */
    private final class CommandFactory implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(Cli.class).newInstance(Cli.this);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
