package io.cairn.cli.command;

import io.cairn.cli.Cli;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** {@code cairn version}: the version of this build and of the runtime. */
@Command(name = "version", description = "Print Cairn's version.", mixinStandardHelpOptions = true)
public final class VersionCommand implements Runnable {

    private final Cli cli;

    public VersionCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public void run() {
        cli.out().println("cairn " + version());
        cli.out().println("java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")");
        cli.out().flush();
    }

    /** The project version the build wrote into the jar. */
    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = VersionCommand.class.getResourceAsStream("/io/cairn/cli/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }

    /** Feeds {@code cairn --version}. */
    public static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"cairn " + version()};
        }
    }
}
