package io.cairn.core.storage.duckdb;

import io.cairn.core.model.DataSize;
import io.cairn.core.model.ProjectId;
import io.cairn.core.storage.ProjectStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A separate JVM for {@link WriterDurabilityIT}: writes rows through a project's group-committing writer as fast as
 * it can and prints {@code ack <n>} for each write whose future completed, until it is killed.
 */
public final class WriterProbe {

    private WriterProbe() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        ProjectId projectId = ProjectId.of(args[1]);
        PrintStream out = new PrintStream(System.out, false);
        DuckDbStorageEngine engine = DuckDbStorageEngine.open(TestStorage.config(dataDir)
                .withMemory(DataSize.ofMegabytes(256)));
        engine.createProject(projectId);
        ProjectStore store = engine.project(projectId);
        store.write(s -> s.execute("CREATE TABLE IF NOT EXISTS acks (n BIGINT PRIMARY KEY)", List.of()));
        out.println("ready");
        out.flush();
        AtomicLong next = new AtomicLong();
        Semaphore inFlight = new Semaphore(256);
        while (true) {
            inFlight.acquire();
            long n = next.getAndIncrement();
            store.submit(s -> s.execute("INSERT INTO acks VALUES (?)", List.of(n))).whenComplete((r, e) -> {
                if (e == null) {
                    synchronized (out) {
                        out.println("ack " + n);
                        out.flush();
                    }
                }
                inFlight.release();
            });
        }
    }
}
