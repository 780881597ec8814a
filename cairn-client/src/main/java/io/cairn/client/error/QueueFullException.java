package io.cairn.client.error;

/**
 * An event could not be queued because the writer's queue is full and the writer was told not to wait for space
 * ({@code blockWhenFull(false)} in {@link io.cairn.client.EventWriter.Options}), or because the event was added
 * from the writer's own failure callback, which must never wait. The event was not queued; nothing was dropped
 * silently. The caller may retry later, shed load, or store the event elsewhere. Immutable and safe to share
 * between threads.
 */
public class QueueFullException extends CairnClientException {

    /** How many events the queue holds when full. */
    private final int capacity;

    /**
     * Creates the exception.
     *
     * @param capacity the queue's capacity, in events
     */
    public QueueFullException(int capacity) {
        super("event writer queue is full (" + capacity + " events waiting); the event was not added");
        this.capacity = capacity;
    }

    /**
     * How many events the queue holds when full.
     *
     * @return the capacity, in events
     */
    public int capacity() {
        return capacity;
    }
}
