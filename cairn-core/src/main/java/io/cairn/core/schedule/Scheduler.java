package io.cairn.core.schedule;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs periodic tasks: every task is started once per tick on a virtual thread of its own, and skipped while its
 * previous run is still going, so a slow refresh delays neither the timer nor the other tasks. Tasks look up for
 * themselves what is due (in the catalog), so nothing is lost across restarts and ticks may be coarse.
 *
 * <p>Thread-safe. Nothing runs until {@link #start}; {@link #close} stops the timer and waits briefly for running
 * tasks.
 */
public final class Scheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

    private final Duration tick;
    private final List<Task> tasks = new ArrayList<>();
    private ScheduledExecutorService timer;

    public Scheduler(Duration tick) {
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("tick must be positive");
        }
        this.tick = tick;
    }

    /** Adds a task run every tick; before {@link #start} only. */
    public synchronized void add(String name, Runnable task) {
        if (timer != null) {
            throw new IllegalStateException("the scheduler is running");
        }
        tasks.add(new Task(requireNonNull(name, "name is null"), requireNonNull(task, "task is null")));
    }

    /** Starts ticking; idempotent. */
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("cairn-scheduler").daemon()
                .factory());
        long millis = tick.toMillis();
        timer.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
        log.info("scheduler started tick={} tasks={}", tick, tasks.stream().map(Task::name).toList());
    }

    private void tick() {
        for (Task task : tasks) {
            if (task.running.compareAndSet(false, true)) {
                Thread.ofVirtual().name("cairn-task-" + task.name).start(() -> run(task));
            }
        }
    }

    private static void run(Task task) {
        try {
            task.body.run();
        } catch (RuntimeException e) {
            log.error("scheduled task failed task={}", task.name, e);
        } finally {
            task.running.set(false);
        }
    }

    @Override
    public synchronized void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer = null;
    }

    private record Task(String name, Runnable body, AtomicBoolean running) {
        Task(String name, Runnable body) {
            this(name, body, new AtomicBoolean());
        }
    }
}
