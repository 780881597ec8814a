package io.cairn.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.client.internal.Json;
import io.cairn.client.internal.StubServer;
import io.cairn.client.internal.StubServer.Answer;
import io.cairn.client.internal.StubServer.Received;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * Answers Keen batch requests like a server: every event is stored except those with a {@code "reject"} property,
 * which get a per-event error. Records the events it stored, and can hold requests until released.
 */
final class BatchStub implements StubServer.Responder {

    /** One event as received: its collection and its JSON text. */
    record Stored(String collection, String json) {}

    private final List<Stored> events = new CopyOnWriteArrayList<>();
    private final Semaphore arrivals = new Semaphore(0);
    private volatile CountDownLatch gate = new CountDownLatch(0);

    /** Makes requests wait until {@link #release()}. */
    BatchStub hold() {
        gate = new CountDownLatch(1);
        return this;
    }

    void release() {
        gate.countDown();
    }

    /** Waits until a request has arrived (held or not); each arrival is consumed by one call. */
    void awaitArrival() throws InterruptedException {
        if (!arrivals.tryAcquire(5, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new AssertionError("no request arrived within 5s");
        }
    }

    List<Stored> events() {
        return List.copyOf(events);
    }

    @Override
    public Answer respond(Received request) throws InterruptedException {
        arrivals.release();
        gate.await();
        JsonNode body;
        try {
            body = Json.readTree(request.body().getBytes(UTF_8));
        } catch (IOException e) {
            return new Answer(400, "{\"message\": \"not JSON\", \"error_code\": \"InvalidJsonError\"}");
        }
        StringBuilder answer = new StringBuilder("{");
        for (Map.Entry<String, JsonNode> collection : body.properties()) {
            List<String> results = new ArrayList<>();
            for (JsonNode event : collection.getValue()) {
                if (event.has("reject")) {
                    results.add("{\"success\": false, \"error\": {\"name\": \"InvalidPropertyNameError\","
                            + " \"description\": \"rejected on purpose\"}}");
                } else {
                    events.add(new Stored(collection.getKey(), event.toString()));
                    results.add("{\"success\": true}");
                }
            }
            answer.append(answer.length() > 1 ? ", " : "").append('"').append(collection.getKey()).append("\": [")
                    .append(String.join(", ", results)).append(']');
        }
        return new Answer(200, answer.append('}').toString());
    }

    /** Polls a condition every few milliseconds until it holds, failing after 5 seconds. */
    static void awaitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }
}
