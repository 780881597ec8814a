package io.cairn.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code cairn serve} as a separate JVM, so that tests can kill it for real ({@code kill -9}) or stop it with
 * SIGTERM. Runs the same class path as the tests; stdout is collected, stderr goes to a file in the data directory.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final List<String> stdout = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<URI> listening = new CompletableFuture<>();

    private ServerProcess(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon().name("server-stdout").start(this::readStdout);
    }

    /** Starts {@code cairn serve} on {@code dataDir} with a free port and waits until it listens. */
    static ServerProcess start(Path dataDir, String... extraArgs) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "io.cairn.cli.Main",
                "serve", "--data-dir", dataDir.toString(), "--port", "0"));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command)
                .redirectError(dataDir.resolveSibling(dataDir.getFileName() + ".stderr.log").toFile())
                .start();
        ServerProcess server = new ServerProcess(process);
        server.awaitListening(Duration.ofSeconds(60));
        return server;
    }

    URI baseUri() {
        return listening.join();
    }

    List<String> stdout() {
        synchronized (stdout) {
            return List.copyOf(stdout);
        }
    }

    /** {@code kill -9}: no shutdown hook, no flush, no checkpoint. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then wait for a clean exit; returns the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("server did not stop within 60s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitListening(Duration timeout) {
        try {
            listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("server did not start; stdout: " + stdout(), e);
        }
    }

    private void readStdout() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                stdout.add(line);
                if (line.startsWith("Cairn is listening on ")) {
                    listening.complete(URI.create(line.substring("Cairn is listening on ".length()).trim()));
                }
            }
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
        listening.completeExceptionally(new IllegalStateException("server exited"));
    }
}
