package io.cairn.client;

import static java.util.Objects.requireNonNull;

import io.cairn.client.error.CairnApiException;
import io.cairn.client.error.CairnConnectionException;
import io.cairn.client.model.Event;
import java.util.List;

/**
 * Events an {@link EventWriter} could not store, reported to {@link EventWriter.Options#onFailure()} once per
 * batch that had any: either the server {@link Rejected rejected some events} of a batch and stored the others, or
 * {@link Failed the whole batch failed}. Consume it with an exhaustive {@code switch}:
 *
 * <pre>{@code
 * failure -> {
 *     switch (failure) {
 *         case WriteFailure.Rejected rejected -> rejected.rejections().forEach(r -> log(r.errorName(), r.event()));
 *         case WriteFailure.Failed failed -> spool(failed.events(), failed.cause());
 *     }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe. The events are the snapshots taken when they were added (date-times already turned
 * into strings), so they can be passed to {@link EventWriter#add(String, java.util.Map)} again.
 */
public sealed interface WriteFailure {

    /**
     * The events that were not stored, in the order they were added.
     *
     * @return the events; never null, never empty, unmodifiable
     */
    List<Event> events();

    /**
     * The server answered the batch but rejected some of its events, for example for an invalid property name;
     * the batch's other events were stored. Sending these events again fails the same way.
     *
     * @param rejections each rejected event with the server's reason, in the order added; never null, not empty
     */
    record Rejected(List<Rejection> rejections) implements WriteFailure {

        /**
         * Creates the failure.
         *
         * @throws NullPointerException if {@code rejections} or one of them is null
         * @throws IllegalArgumentException if {@code rejections} is empty
         */
        public Rejected {
            rejections = List.copyOf(requireNonNull(rejections, "rejections is null"));
            if (rejections.isEmpty()) {
                throw new IllegalArgumentException("a rejection report needs at least one rejected event");
            }
        }

        /**
         * The rejected events.
         *
         * @return the events, in the order added; never null, not empty
         */
        @Override
        public List<Event> events() {
            return rejections.stream().map(Rejection::event).toList();
        }
    }

    /**
     * One event the server rejected, and why.
     *
     * @param event the event; never null
     * @param errorName the server's error name, such as {@code InvalidPropertyNameError}; null when it gave none
     * @param errorDescription the server's explanation; null when it gave none
     */
    record Rejection(Event event, String errorName, String errorDescription) {

        /**
         * Creates a rejection.
         *
         * @throws NullPointerException if {@code event} is null
         */
        public Rejection {
            requireNonNull(event, "event is null");
        }
    }

    /**
     * A whole batch failed after the transport's retries: the server could not be reached ({@link
     * CairnConnectionException}), answered with an error status ({@link CairnApiException}, e.g. a 500 or a 403 for
     * a read-only key), or answered something unreadable. After a timeout or a dropped connection the server may
     * have stored the batch anyway: the transport's retries reused the batch's idempotency key and so never store
     * it twice, but adding the events again makes a new batch, which would.
     *
     * @param events the events of the batch, in the order added; never null, not empty
     * @param cause why the batch failed; never null
     */
    record Failed(List<Event> events, RuntimeException cause) implements WriteFailure {

        /**
         * Creates the failure.
         *
         * @throws NullPointerException if an argument or an event is null
         * @throws IllegalArgumentException if {@code events} is empty
         */
        public Failed {
            events = List.copyOf(requireNonNull(events, "events is null"));
            requireNonNull(cause, "cause is null");
            if (events.isEmpty()) {
                throw new IllegalArgumentException("a batch failure needs at least one event");
            }
        }
    }
}
