package io.cairn.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The open {@link EventWriter}s of one {@link EventsClient}, so that closing the {@link Cairn} closes them (newest
 * first, each sending what it holds) before the transport they send through. Thread-safe: the set is guarded by
 * this object's monitor and private to this class; writers are closed outside it.
 */
final class EventWriters {

    private final Deque<EventWriter> open = new ArrayDeque<>();
    private boolean closed;

    /** Starts a writer and keeps it until it is closed; refuses once {@link #closeAll()} has run. */
    synchronized EventWriter open(EventsClient client, EventWriter.Options options) {
        if (closed) {
            throw new IllegalStateException("this Cairn client is closed");
        }
        EventWriter writer = EventWriter.start(client, options, this::forget);
        open.addFirst(writer);
        return writer;
    }

    private synchronized void forget(EventWriter writer) {
        open.remove(writer);
    }

    /** Closes every open writer, newest first, and refuses new ones. */
    void closeAll() {
        List<EventWriter> writers;
        synchronized (this) {
            closed = true;
            writers = new ArrayList<>(open);
        }
        writers.forEach(EventWriter::close);
    }
}
