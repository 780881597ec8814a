package io.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StderrAppenderTest {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream realStderr;
    private StderrAppender appender;
    private Logger log;

    @BeforeEach
    void start() {
        realStderr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %msg%n");
        encoder.start();
        appender = new StderrAppender();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.start();
        log = context.getLogger("test");
        log.addAppender(appender);
    }

    @AfterEach
    void stop() {
        appender.stop();
        System.setErr(realStderr);
    }

    @Test
    void informationalLinesWaitForTheNextFlushAndAWarningTakesThemAlongInOrder() {
        log.info("one");
        log.info("two");
        assertThat(stderr()).isEmpty();

        log.warn("three");
        assertThat(stderr()).isEqualTo("INFO one\nINFO two\nWARN three\n");
    }

    @Test
    void informationalLinesAreWrittenWithinAFlushIntervalTimeAfterTime() throws InterruptedException {
        String expected = "";
        for (int round = 0; round < 3; round++) {
            log.info("line {}", round);
            expected += "INFO line " + round + "\n";
            long deadline = System.nanoTime() + 20 * StderrAppender.FLUSH_EVERY.toNanos();
            while (!stderr().equals(expected) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(stderr()).isEqualTo(expected);
        }
    }

    @Test
    void stoppingWritesWhatWaitsAndLeavesStderrOpen() {
        log.info("last");
        appender.stop();
        System.err.print("after");
        assertThat(stderr()).isEqualTo("INFO last\nafter");
    }

    private String stderr() {
        return captured.toString(StandardCharsets.UTF_8);
    }
}
