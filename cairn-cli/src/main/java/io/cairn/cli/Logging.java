package io.cairn.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import io.cairn.server.LogConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies {@code log.format} to the logging backend, which only the CLI knows. */
public final class Logging {

    private Logging() {}

    public static void apply(LogConfig config) {
        if (config.format() != LogConfig.Format.JSON) {
            return;
        }
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.start();
        StderrAppender appender = new StderrAppender();
        appender.setContext(context);
        appender.setName("STDERR_JSON");
        appender.setEncoder(encoder);
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.INFO);
    }

    /** Only warnings and errors from here on: for tools that run a server in-process and print their own report. */
    public static void quiet() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        }
    }
}
