package io.cairn.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The benches' concurrent clients: the same work on that many platform threads at once. */
final class Clients {

    private Clients() {}

    /** Runs {@code work} on {@code count} threads at once; returns when all are done, or throws the first failure. */
    static void runAll(int count, Callable<Void> work) throws Exception {
        List<Future<Void>> clients = new ArrayList<>(count);
        try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
            for (int c = 0; c < count; c++) {
                clients.add(pool.submit(work));
            }
            for (Future<Void> client : clients) {
                client.get();
            }
        }
    }
}
