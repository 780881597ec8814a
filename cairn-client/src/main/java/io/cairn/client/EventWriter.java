package io.cairn.client;

import static java.util.Objects.requireNonNull;

import io.cairn.client.error.CairnClientException;
import io.cairn.client.error.QueueFullException;
import io.cairn.client.internal.JsonValues;
import io.cairn.client.model.Event;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Sends events in the background, in batches: {@link #add(String, Map)} queues an event and returns, and the
 * writer's own daemon thread ({@code cairn-event-writer-N}) sends a batch through {@link EventsClient#addAll(Map,
 * String)} as soon as {@link Options#maxBatchSize()} events wait, or {@link Options#flushInterval()} after the
 * oldest waiting event was added. Each batch carries a fresh idempotency key, so the transport's retries after a
 * dropped connection or a 503 never store it twice.
 *
 * <pre>{@code
 * try (EventWriter writer = cairn.events().writer()) {
 *     writer.add("purchases", Map.of("item", "golden widget", "price", 2550));
 * } // close() sends what is left
 * }</pre>
 *
 * <p>Nothing is dropped silently: an event is either refused by {@link #add(String, Map)} with an exception, or
 * sent, or reported to {@link Options#onFailure()} (rejected by the server, or its whole batch failed after the
 * retries). Failures never stop the writer.
 *
 * <p>Thread-safe: any number of threads may add, flush and close concurrently. Events from one thread are sent in
 * the order added. The failure callback runs on the writer's thread, one call at a time; it should return quickly,
 * may call {@link #add(String, Map)} (which then never waits for room but throws {@link QueueFullException}), and
 * must not call {@link #flush()}.
 *
 * <p>Lifecycle: open from {@link EventsClient#writer(Options)} until {@link #close()}, which sends what is left
 * and stops the thread. Closing the {@link Cairn} closes its writers. A writer that is never closed loses the
 * events still queued when the JVM exits, since its thread is a daemon.
 */
public final class EventWriter implements AutoCloseable {

    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private final Options options;
    private final EventBuffer buffer;
    private final BatchSender sender;
    private final Consumer<EventWriter> onClosed;
    private final Thread thread;

    private EventWriter(EventsClient client, Options options, Consumer<EventWriter> onClosed) {
        this.options = options;
        this.buffer = new EventBuffer(options.maxBatchSize(), options.queueCapacity(),
                options.flushInterval().toNanos());
        this.sender = new BatchSender(client, options.onFailure());
        this.onClosed = onClosed;
        this.thread = new Thread(this::run, "cairn-event-writer-" + THREAD_NUMBER.incrementAndGet());
        thread.setDaemon(true);
    }

    /** Creates a writer and starts its thread; {@code onClosed} runs once the writer has been closed. */
    static EventWriter start(EventsClient client, Options options, Consumer<EventWriter> onClosed) {
        EventWriter writer = new EventWriter(client, options, onClosed);
        writer.thread.start();
        return writer;
    }

    /**
     * Queues an event for the collection. The event is copied at once, so the caller may change or reuse the map
     * afterwards. When the queue holds {@link Options#queueCapacity()} events, waits for room if {@link
     * Options#blockWhenFull()} (back-pressure), else throws.
     *
     * @param collection the event collection's name; never null, not empty
     * @param event the event's properties, with values as {@link EventsClient} describes; never null
     * @throws IllegalStateException if the writer is closed, also when it is closed while this call waits for room
     * @throws QueueFullException if the queue is full and the writer does not wait for room, or the call comes
     *     from the failure callback; the event was not queued
     * @throws IllegalArgumentException if {@code collection} is empty or the event holds a value that cannot be
     *     sent (the message names it)
     * @throws CairnClientException if the thread is interrupted while waiting for room (its interrupt flag is set
     *     again); the event was not queued
     * @throws NullPointerException if an argument is null
     */
    public void add(String collection, Map<String, ?> event) {
        requireNonNull(collection, "collection is null");
        requireNonNull(event, "event is null");
        if (collection.isEmpty()) {
            throw new IllegalArgumentException("collection must not be empty");
        }
        Event copy = new Event(collection, JsonValues.copyObject(event));
        boolean onWriterThread = Thread.currentThread() == thread;
        try {
            buffer.put(copy, options.blockWhenFull() && !onWriterThread);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CairnClientException("interrupted while waiting for room in the event writer's queue", e);
        }
    }

    /**
     * Sends every event added before this call, without waiting for the flush interval, and waits until they have
     * been sent and any failures among them reported to {@link Options#onFailure()}. Returns at once when nothing
     * is waiting. May take as long as the transport's timeouts and retries allow.
     *
     * @throws IllegalStateException if called from the failure callback, where it would wait for itself
     * @throws CairnClientException if the thread is interrupted while waiting (its interrupt flag is set again);
     *     the events are still sent
     */
    public void flush() {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("flush() cannot be called from the event writer's onFailure callback");
        }
        try {
            buffer.awaitSent();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CairnClientException("interrupted while flushing the event writer", e);
        }
    }

    /**
     * Refuses further events, sends those still queued (reporting failures as usual), and stops the writer's
     * thread, waiting for all that to finish. Idempotent: later calls, and calls racing with the first, wait the
     * same way and then return. Called from the failure callback, returns without waiting. If the calling thread
     * is interrupted while waiting, returns at once with its interrupt flag set, and the writer finishes in the
     * background. Never throws.
     */
    @Override
    public void close() {
        buffer.close();
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The options this writer was started with.
     *
     * @return the options; never null
     */
    public Options options() {
        return options;
    }

    private void run() {
        try {
            while (true) {
                List<Event> batch = buffer.takeBatch();
                if (batch.isEmpty()) {
                    return;
                }
                sender.send(batch);
                buffer.batchDone();
            }
        } catch (InterruptedException e) {
            // Nobody but the JVM or a foreign tool interrupts this private thread; stop and report what is left.
            Thread.currentThread().interrupt();
        } finally {
            List<Event> left = buffer.stop();
            if (!left.isEmpty()) {
                sender.report(new WriteFailure.Failed(left,
                        new CairnClientException("the event writer's thread stopped before sending these events")));
            }
            onClosed.accept(this);
        }
    }

    /**
     * How an {@link EventWriter} batches, buffers and reports. Build one with {@link #builder()}; {@link
     * #defaults()} has every default. Immutable and thread-safe (the callback is shared as given).
     *
     * @param maxBatchSize the most events sent in one request, and the number of waiting events that triggers a
     *     send; 1 to {@value #MAX_BATCH_SIZE_LIMIT}
     * @param flushInterval the longest an event waits before its batch is sent; positive, at most {@link
     *     #MAX_FLUSH_INTERVAL}; never null
     * @param queueCapacity the most events waiting to be sent (not counting the batch being sent); at least
     *     {@code maxBatchSize}
     * @param onFailure receives the events that could not be stored and why, on the writer's thread; never null
     * @param blockWhenFull what {@link EventWriter#add(String, Map)} does when the queue is full: true to wait for
     *     room (back-pressure), false to throw {@link QueueFullException}
     */
    public record Options(int maxBatchSize, Duration flushInterval, int queueCapacity,
            Consumer<WriteFailure> onFailure, boolean blockWhenFull) {

        /** The default {@link #maxBatchSize()}. */
        public static final int DEFAULT_MAX_BATCH_SIZE = 500;
        /** The largest {@link #maxBatchSize()} allowed, which keeps a request well under servers' body limits. */
        public static final int MAX_BATCH_SIZE_LIMIT = 10_000;
        /** The default {@link #flushInterval()}. */
        public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(1);
        /** The longest {@link #flushInterval()} allowed. */
        public static final Duration MAX_FLUSH_INTERVAL = Duration.ofHours(1);
        /** The default {@link #queueCapacity()}. */
        public static final int DEFAULT_QUEUE_CAPACITY = 10_000;

        private static final Options DEFAULTS = builder().build();

        /**
         * Validates the options.
         *
         * @throws IllegalArgumentException if a value is out of range; the message names it
         * @throws NullPointerException if {@code flushInterval} or {@code onFailure} is null
         */
        public Options {
            requireNonNull(flushInterval, "flushInterval is null");
            requireNonNull(onFailure, "onFailure is null");
            if (maxBatchSize < 1 || maxBatchSize > MAX_BATCH_SIZE_LIMIT) {
                throw new IllegalArgumentException("maxBatchSize must be between 1 and " + MAX_BATCH_SIZE_LIMIT
                        + ", got " + maxBatchSize);
            }
            if (!flushInterval.isPositive() || flushInterval.compareTo(MAX_FLUSH_INTERVAL) > 0) {
                throw new IllegalArgumentException("flushInterval must be positive and at most " + MAX_FLUSH_INTERVAL
                        + ", got " + flushInterval);
            }
            if (queueCapacity < maxBatchSize) {
                throw new IllegalArgumentException("queueCapacity must be at least maxBatchSize (" + maxBatchSize
                        + "), got " + queueCapacity);
            }
        }

        /**
         * The defaults: batches of {@value #DEFAULT_MAX_BATCH_SIZE}, a flush interval of one second, room for
         * {@value #DEFAULT_QUEUE_CAPACITY} waiting events, waiting for room when full, and failures logged at
         * WARNING through {@link System.Logger} (logger {@code io.cairn.client.EventWriter}), without the events'
         * contents.
         *
         * @return the default options; never null
         */
        public static Options defaults() {
            return DEFAULTS;
        }

        /**
         * Starts a builder holding the defaults.
         *
         * @return a new builder; never null
         */
        public static Builder builder() {
            return new Builder();
        }

        /**
         * Starts a builder holding these options, to derive changed ones.
         *
         * @return a new builder; never null
         */
        public Builder toBuilder() {
            return new Builder().maxBatchSize(maxBatchSize).flushInterval(flushInterval).queueCapacity(queueCapacity)
                    .onFailure(onFailure).blockWhenFull(blockWhenFull);
        }

        /**
         * Collects {@link Options}; setters only store, {@link #build()} validates. Not thread-safe; reusable.
         */
        public static final class Builder {

            private int maxBatchSize = DEFAULT_MAX_BATCH_SIZE;
            private Duration flushInterval = DEFAULT_FLUSH_INTERVAL;
            private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
            private Consumer<WriteFailure> onFailure = BatchSender::logFailure;
            private boolean blockWhenFull = true;

            private Builder() {}

            /**
             * Sets the most events per request; default {@value Options#DEFAULT_MAX_BATCH_SIZE}.
             *
             * @param maxBatchSize 1 to {@value Options#MAX_BATCH_SIZE_LIMIT}, at most the queue capacity
             * @return this builder; never null
             */
            public Builder maxBatchSize(int maxBatchSize) {
                this.maxBatchSize = maxBatchSize;
                return this;
            }

            /**
             * Sets the longest an event waits before its batch is sent; default one second.
             *
             * @param flushInterval positive, at most {@link Options#MAX_FLUSH_INTERVAL}; never null
             * @return this builder; never null
             * @throws NullPointerException if {@code flushInterval} is null
             */
            public Builder flushInterval(Duration flushInterval) {
                this.flushInterval = requireNonNull(flushInterval, "flushInterval is null");
                return this;
            }

            /**
             * Sets the most events waiting to be sent; default {@value Options#DEFAULT_QUEUE_CAPACITY}.
             *
             * @param queueCapacity at least the batch size
             * @return this builder; never null
             */
            public Builder queueCapacity(int queueCapacity) {
                this.queueCapacity = queueCapacity;
                return this;
            }

            /**
             * Sets what receives the events that could not be stored; default a WARNING log line per failure.
             *
             * @param onFailure the callback, run on the writer's thread; never null
             * @return this builder; never null
             * @throws NullPointerException if {@code onFailure} is null
             */
            public Builder onFailure(Consumer<WriteFailure> onFailure) {
                this.onFailure = requireNonNull(onFailure, "onFailure is null");
                return this;
            }

            /**
             * Sets whether {@link EventWriter#add(String, Map)} waits for room when the queue is full (the
             * default) or throws {@link QueueFullException}.
             *
             * @param blockWhenFull true to wait, false to throw
             * @return this builder; never null
             */
            public Builder blockWhenFull(boolean blockWhenFull) {
                this.blockWhenFull = blockWhenFull;
                return this;
            }

            /**
             * Validates and creates the options.
             *
             * @return the options; never null
             * @throws IllegalArgumentException if a value is out of range; the message names it
             */
            public Options build() {
                return new Options(maxBatchSize, flushInterval, queueCapacity, onFailure, blockWhenFull);
            }
        }
    }
}
