package io.cairn.cli;

/** The {@code cairn} executable. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int exitCode = Cli.standard().execute(args);
        System.exit(exitCode);
    }
}
