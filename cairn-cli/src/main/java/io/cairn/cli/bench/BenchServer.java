package io.cairn.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code cairn serve} in a child JVM on a temporary data directory, so that the benchmark client and the server do
 * not share a heap and the server's own peak memory can be read.
 */
public final class BenchServer implements AutoCloseable {

    private final Process process;
    private final URI baseUri;

    private BenchServer(Process process, URI baseUri) {
        this.process = process;
        this.baseUri = baseUri;
    }

    public static BenchServer start(Path dataDir, String adminToken) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), "io.cairn.cli.Main", "serve",
                "--data-dir", dataDir.toString(), "--port", "0", "--admin-token", adminToken));
        Files.createDirectories(dataDir);
        Process process = new ProcessBuilder(command)
                .redirectError(dataDir.resolve("server.log").toFile())
                .start();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("bench-server-stdout").start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("Cairn is listening on ")) {
                        listening.complete(URI.create(line.substring("Cairn is listening on ".length()).trim()));
                    }
                }
            } catch (IOException e) {
                listening.completeExceptionally(e);
            }
            listening.completeExceptionally(new IllegalStateException("the server exited; see "
                    + dataDir.resolve("server.log")));
        });
        try {
            return new BenchServer(process, listening.get(120, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the benchmark server did not start: " + e.getMessage(), e);
        }
    }

    public URI baseUri() {
        return baseUri;
    }

    /** The server's peak resident memory so far, in bytes (Linux), or -1 when unknown. */
    public long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /**
     * CPU time the server has used so far, user and system (Linux), or {@link Duration#ZERO} when unknown. Read
     * around a phase, it says what the server spent per event however busy the rest of the machine was.
     */
    public Duration cpuTime() {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            // Fields after the command name, which is in parentheses and may hold spaces: state is the first,
            // user and system time (in USER_HZ ticks, 100 per second) the 12th and 13th.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return Duration.ofMillis(ticks * 10);
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
