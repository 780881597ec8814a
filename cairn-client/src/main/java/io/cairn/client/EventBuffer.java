package io.cairn.client;

import io.cairn.client.error.QueueFullException;
import io.cairn.client.model.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue of one {@link EventWriter}: the events waiting to be sent, and the bookkeeping that lets {@link
 * #awaitSent()} know when everything added before it has been sent. Every event gets a sequence number when
 * added; the writer's one thread takes batches in that order and reports each done, so "all events up to number
 * n are done" is a single counter. Thread-safe: all state is guarded by one lock and private to this class.
 */
final class EventBuffer {

    private record Waiting(long sequence, long addedNanos, Event event) {}

    private final int maxBatchSize;
    private final int capacity;
    private final long intervalNanos;

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when the writer thread may have a batch to send: size reached, flush asked, closed. */
    private final Condition workReady = lock.newCondition();
    /** Signalled when room was made in the queue, or the buffer closed. */
    private final Condition spaceFree = lock.newCondition();
    /** Signalled when a batch is done or the writer thread stopped. */
    private final Condition progress = lock.newCondition();

    private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
    private long lastAdded;
    private long lastTaken;
    private long lastDone;
    private long flushUpTo;
    private boolean closed;
    private boolean stopped;

    EventBuffer(int maxBatchSize, int capacity, long intervalNanos) {
        this.maxBatchSize = maxBatchSize;
        this.capacity = capacity;
        this.intervalNanos = intervalNanos;
    }

    /**
     * Queues an event, waiting for room when the queue is full and {@code waitForSpace} holds.
     *
     * @throws IllegalStateException if the buffer is closed, also while waiting for room
     * @throws QueueFullException if the queue is full and {@code waitForSpace} is false
     * @throws InterruptedException if interrupted while waiting
     */
    void put(Event event, boolean waitForSpace) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                if (closed) {
                    throw new IllegalStateException("this event writer is closed");
                }
                if (queue.size() < capacity) {
                    break;
                }
                if (!waitForSpace) {
                    throw new QueueFullException(capacity);
                }
                spaceFree.await();
            }
            queue.addLast(new Waiting(++lastAdded, System.nanoTime(), event));
            // The first event starts the flush-interval clock; a full batch is due at once.
            if (queue.size() == 1 || queue.size() >= maxBatchSize) {
                workReady.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until every event added before this call has been sent and its failures reported, asking the writer
     * thread to send them now rather than at the end of the flush interval. Returns early if the thread stopped.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    void awaitSent() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            long target = lastAdded;
            if (target > flushUpTo) {
                flushUpTo = target;
                workReady.signal();
            }
            while (lastDone < target && !stopped) {
                progress.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * For the writer thread: waits until a batch is due (a full batch waits, a flush asked for waiting events, the
     * oldest event waited a whole interval, or the buffer closed) and takes it.
     *
     * @return up to {@code maxBatchSize} events in the order added; empty once the buffer is closed and empty
     * @throws InterruptedException if the writer thread is interrupted
     */
    List<Event> takeBatch() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (!batchDue()) {
                Waiting oldest = queue.peekFirst();
                if (oldest == null) {
                    workReady.await();
                } else {
                    workReady.awaitNanos(oldest.addedNanos() + intervalNanos - System.nanoTime());
                }
            }
            int size = Math.min(maxBatchSize, queue.size());
            List<Event> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                Waiting waiting = queue.pollFirst();
                batch.add(waiting.event());
                lastTaken = waiting.sequence();
            }
            spaceFree.signalAll();
            return batch;
        } finally {
            lock.unlock();
        }
    }

    private boolean batchDue() {
        Waiting oldest = queue.peekFirst();
        if (oldest == null) {
            return closed;
        }
        return closed || queue.size() >= maxBatchSize || oldest.sequence() <= flushUpTo
                || System.nanoTime() - oldest.addedNanos() >= intervalNanos;
    }

    /** For the writer thread: the batch last taken has been sent and its failures reported. */
    void batchDone() {
        lock.lock();
        try {
            lastDone = lastTaken;
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new events and wakes everyone: the writer thread to send what is left, waiting adders to fail. */
    void close() {
        lock.lock();
        try {
            closed = true;
            workReady.signalAll();
            spaceFree.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * For the writer thread as it ends: closes the buffer, releases every waiter, and hands back what could not be
     * sent (nothing after a normal close).
     *
     * @return the events still queued, in the order added; never null
     */
    List<Event> stop() {
        lock.lock();
        try {
            closed = true;
            stopped = true;
            List<Event> left = queue.stream().map(Waiting::event).toList();
            queue.clear();
            workReady.signalAll();
            spaceFree.signalAll();
            progress.signalAll();
            return left;
        } finally {
            lock.unlock();
        }
    }
}
