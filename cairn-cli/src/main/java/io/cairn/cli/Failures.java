package io.cairn.cli;

import io.cairn.client.error.CairnApiException;
import io.cairn.client.error.CairnConnectionException;
import io.cairn.core.config.ConfigException;
import io.cairn.core.error.CairnException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns a command's failure into one clear line on stderr and an exit code; never a stack trace. */
final class Failures implements IExecutionExceptionHandler {

    private final PrintWriter err;

    Failures(PrintWriter err) {
        this.err = err;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        String message = switch (e) {
            case ConfigException config -> config.getMessage();
            case CairnApiException api -> api.getMessage();
            case CairnConnectionException connection -> connection.getMessage()
                    + " (is the server running? start it with: cairn serve)";
            case CairnException cairn -> cairn.getMessage();
            case IllegalArgumentException invalid -> invalid.getMessage();
            case IllegalStateException invalid -> invalid.getMessage();
            default -> e.toString();
        };
        err.println("error: " + message);
        err.flush();
        return e instanceof ConfigException ? 2 : 1;
    }
}
