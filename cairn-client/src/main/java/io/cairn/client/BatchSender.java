package io.cairn.client;

import static java.util.Objects.requireNonNull;

import io.cairn.client.model.BatchResult;
import io.cairn.client.model.Event;
import io.cairn.client.model.EventResult;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Sends one {@link EventWriter}'s batches and reports what was not stored. Used only by the writer's thread; keeps
 * no state between batches. Never throws: whatever goes wrong becomes a {@link WriteFailure} for the callback, and
 * a callback that throws is logged.
 */
final class BatchSender {

    private static final System.Logger log = System.getLogger(EventWriter.class.getName());

    private final EventsClient client;
    private final Consumer<WriteFailure> onFailure;

    BatchSender(EventsClient client, Consumer<WriteFailure> onFailure) {
        this.client = requireNonNull(client, "client is null");
        this.onFailure = requireNonNull(onFailure, "onFailure is null");
    }

    /**
     * Sends a batch in one request, grouped by collection, under a fresh idempotency key so that the transport's
     * retries can never store it twice; then reports rejected events, or the whole batch if the request failed.
     */
    void send(List<Event> batch) {
        Map<String, List<Event>> byCollection = new LinkedHashMap<>();
        for (Event event : batch) {
            byCollection.computeIfAbsent(event.collection(), collection -> new ArrayList<>()).add(event);
        }
        Map<String, List<Map<String, Object>>> body = new LinkedHashMap<>();
        byCollection.forEach((collection, events) ->
                body.put(collection, events.stream().map(Event::properties).toList()));
        BatchResult result;
        try {
            result = client.addCopies(body, UUID.randomUUID().toString());
        } catch (RuntimeException e) {
            report(new WriteFailure.Failed(batch, e));
            return;
        }
        List<WriteFailure.Rejection> rejections = new ArrayList<>();
        for (BatchResult.Failure failure : result.failures()) {
            List<Event> events = byCollection.get(failure.collection());
            // The answer was checked to hold one result per event sent; a collection not sent has none to fail.
            if (events != null && failure.index() < events.size()) {
                EventResult reason = failure.result();
                rejections.add(new WriteFailure.Rejection(events.get(failure.index()), reason.errorName(),
                        reason.errorDescription()));
            }
        }
        if (!rejections.isEmpty()) {
            report(new WriteFailure.Rejected(rejections));
        }
    }

    /** Hands a failure to the callback, which must not stop the writer however it fails. */
    void report(WriteFailure failure) {
        try {
            onFailure.accept(failure);
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "event writer onFailure callback threw; the failure it was given: "
                    + describe(failure), e);
        }
    }

    /**
     * The default callback: one WARNING line per failure, naming counts, collections and reasons but never the
     * events' contents, which are user data.
     */
    static void logFailure(WriteFailure failure) {
        log.log(Level.WARNING, () -> "event writer could not store events: " + describe(failure));
    }

    static String describe(WriteFailure failure) {
        List<String> collections = failure.events().stream().map(Event::collection).distinct().toList();
        return switch (failure) {
            case WriteFailure.Rejected rejected -> "rejected count=" + rejected.rejections().size()
                    + " collections=" + collections + " errors=" + rejected.rejections().stream()
                            .map(rejection -> String.valueOf(rejection.errorName())).distinct().toList();
            case WriteFailure.Failed failed -> "batch failed count=" + failed.events().size()
                    + " collections=" + collections + " error=" + failed.cause();
        };
    }
}
