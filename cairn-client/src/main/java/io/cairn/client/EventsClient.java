package io.cairn.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.client.KeenWire.CollectionJson;
import io.cairn.client.error.CairnApiException;
import io.cairn.client.error.CairnClientException;
import io.cairn.client.error.CairnConnectionException;
import io.cairn.client.error.ForbiddenException;
import io.cairn.client.error.NotFoundException;
import io.cairn.client.error.UnauthorizedException;
import io.cairn.client.internal.ApiRequest;
import io.cairn.client.internal.JsonValues;
import io.cairn.client.internal.Method;
import io.cairn.client.internal.Transport;
import io.cairn.client.model.BatchResult;
import io.cairn.client.model.EventCollection;
import io.cairn.client.model.Filter;
import io.cairn.client.model.FunnelStep;
import io.cairn.client.model.LabeledValues;
import io.cairn.client.model.Metric;
import io.cairn.client.model.Timeframe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The events API in Keen IO's wire format ({@code /3.0/projects/{projectId}/...}): adding events one at a time
 * or in batches, reading collection schemas, deleting events, and analysing them; with {@link #accessKeys()} and
 * {@link #savedQueries()} for the rest of Keen's project API. Works against Cairn and against Keen's hosted API
 * alike. Every call sends the project key of {@link Cairn.Builder#key(String)} as {@code Authorization: <key>}: a
 * write or master key to add, a read or master key to read schemas and analyse, a master key to delete. For many
 * small events, use a {@link #writer() buffering writer} instead of {@link #add(String, Map)}.
 *
 * <p>Analyses start from a factory ({@link #count(String)}, {@link #sum(String, String)}, ..., {@link
 * #multiAnalysis(String, Map)}, {@link #funnel(FunnelStep...)}, {@link #extraction(String)}) that returns an
 * immutable query to refine and run; see {@link MetricQuery}. The factories only build: requests are made by the
 * queries' {@code run} methods, which list what they throw.
 *
 * <p>Obtained from {@link Cairn#events()}; immutable, thread-safe, and usable until its {@link Cairn} is closed,
 * which also closes the writers made here.
 *
 * <p>Event values may be maps with string keys, lists (any {@link java.util.Collection}), strings, numbers, booleans,
 * null, and {@link java.time.Instant}, {@link java.time.OffsetDateTime} or {@link java.time.ZonedDateTime}, which
 * are sent as ISO-8601 UTC strings with milliseconds ({@code 2024-01-02T03:04:05.000Z}). Anything else is rejected
 * with {@link IllegalArgumentException} before a request is sent.
 *
 * <p>Every method may throw, besides what it lists: {@link IllegalStateException} if the {@link Cairn} has no
 * project id or no key, or is closed; {@link UnauthorizedException} if the server does not know the key; {@link
 * ForbiddenException} if the key's role may not do this; {@link CairnConnectionException} if the server cannot be
 * reached; another {@link CairnApiException} for any other error answer; {@link CairnClientException} if the answer
 * cannot be read; {@link IllegalArgumentException} for a collection name or property path that is empty, {@code .}
 * or {@code ..}. Reads and deletes are retried on connection failures and 503, as are batches sent with an
 * idempotency key; other additions are not, so after a {@link CairnConnectionException} they may have happened.
 */
public final class EventsClient {

    private final KeenProject project;
    private final Transport transport;
    private final AccessKeysClient accessKeys;
    private final SavedQueriesClient savedQueries;
    private final EventWriters writers = new EventWriters();

    EventsClient(Transport transport, String projectId, String key) {
        this.project = new KeenProject(transport, projectId, key);
        this.transport = transport;
        this.accessKeys = new AccessKeysClient(project);
        this.savedQueries = new SavedQueriesClient(project);
    }

    /**
     * Adds one event ({@code POST /events/{collection}}); Keen answers 201 {@code {"created": true}}.
     *
     * @param collection the event collection's name, created on first use; never null
     * @param event the event's properties; never null. Copied before sending, so it may be changed afterwards
     * @throws IllegalArgumentException if the event holds a value that cannot be sent (the message names it)
     * @throws CairnApiException in particular {@link io.cairn.client.error.BadRequestException} if the server
     *     rejects the event (e.g. an invalid property name)
     * @throws NullPointerException if an argument is null
     */
    public void add(String collection, Map<String, ?> event) {
        requireNonNull(collection, "collection is null");
        Map<String, Object> body = JsonValues.copyObject(requireNonNull(event, "event is null"));
        transport.send(request(Method.POST, "events", collection).withBody(body));
    }

    /**
     * Adds events to one or more collections in one request ({@code POST /events}). The server stores each event
     * on its own: some may be stored while others are rejected, which the result tells. Not retried, so after a
     * {@link CairnConnectionException} the events may or may not have been stored; use {@link #addAll(Map,
     * String)} to make retries safe.
     *
     * @param eventsByCollection the events of each collection, in order; never null. Copied before sending. A map
     *     holding no events sends nothing and returns {@link BatchResult#empty()}
     * @return one result per event, per collection in the order sent; never null
     * @throws IllegalArgumentException if an event holds a value that cannot be sent (the message names it)
     * @throws NullPointerException if the map, a collection name, a list or an event is null
     */
    public BatchResult addAll(Map<String, ? extends List<? extends Map<String, ?>>> eventsByCollection) {
        return sendBatch(eventsByCollection, null);
    }

    /**
     * Adds events like {@link #addAll(Map)}, with an idempotency key sent as the {@code Idempotency-Key} header:
     * a server that sees the same key again (Cairn does) answers with the first request's results and stores
     * nothing twice. This makes the request safe to retry, so it is retried on connection failures and 503 like a
     * read. Use a fresh key, e.g. a random UUID, for each distinct batch, and the same key to resend one.
     *
     * @param eventsByCollection the events of each collection, in order; never null. Copied before sending
     * @param idempotencyKey 1 to 255 visible ASCII characters; never null
     * @return one result per event, per collection in the order sent; never null
     * @throws IllegalArgumentException if an event holds a value that cannot be sent, or the key is not valid
     * @throws NullPointerException if an argument, a collection name, a list or an event is null
     */
    public BatchResult addAll(Map<String, ? extends List<? extends Map<String, ?>>> eventsByCollection,
            String idempotencyKey) {
        return sendBatch(eventsByCollection, requireNonNull(idempotencyKey, "idempotencyKey is null"));
    }

    /**
     * Lists the project's event collections with their schemas ({@code GET /events}).
     *
     * @return the collections in the server's order; never null, empty when there are none
     */
    public List<EventCollection> collections() {
        return transport.send(request(Method.GET, "events"), CollectionJson[].class, CollectionJson::toModels);
    }

    /**
     * Gets one event collection's schema ({@code GET /events/{name}}).
     *
     * @param name the collection's name; never null
     * @return the collection; never null
     * @throws NotFoundException if there is no such collection (Keen's {@code ResourceNotFoundError})
     * @throws NullPointerException if {@code name} is null
     */
    public EventCollection collection(String name) {
        requireNonNull(name, "name is null");
        return transport.send(request(Method.GET, "events", name), CollectionJson.class, CollectionJson::toModel);
    }

    /**
     * Deletes a whole event collection and its events ({@code DELETE /events/{collection}}). Needs a master key.
     *
     * @param collection the collection's name; never null
     * @throws NotFoundException if there is no such collection (also when a retried delete had already succeeded)
     * @throws NullPointerException if {@code collection} is null
     */
    public void delete(String collection) {
        delete(collection, List.of(), null, null);
    }

    /**
     * Deletes the events of a collection that match all the filters and fall in the timeframe ({@code DELETE
     * /events/{collection}} with the query parameters {@code filters}, {@code timeframe} and {@code timezone}).
     * Needs a master key. With no filters and no timeframe, deletes every event.
     *
     * @param collection the collection's name; never null
     * @param filters conditions all deleted events meet; never null, empty for none
     * @param timeframe the time span of the deleted events; null for all time
     * @param timezone the zone a relative timeframe is evaluated in: an IANA name such as {@code Europe/Paris} or
     *     an offset in seconds; null for the server's default (UTC)
     * @throws NotFoundException if there is no such collection
     * @throws IllegalArgumentException if a filter's value cannot be sent, or {@code timezone} is blank
     * @throws NullPointerException if {@code collection}, {@code filters} or a filter is null
     */
    public void delete(String collection, List<Filter> filters, Timeframe timeframe, String timezone) {
        requireNonNull(collection, "collection is null");
        List<Filter> checked = List.copyOf(requireNonNull(filters, "filters is null"));
        if (timezone != null && timezone.isBlank()) {
            throw new IllegalArgumentException("timezone must not be blank when set");
        }
        ApiRequest request = request(Method.DELETE, "events", collection);
        if (!checked.isEmpty()) {
            request = request.withQuery("filters", KeenWire.filtersParam(checked));
        }
        if (timeframe != null) {
            request = request.withQuery("timeframe", KeenWire.timeframeParam(timeframe));
        }
        if (timezone != null) {
            request = request.withQuery("timezone", timezone);
        }
        transport.send(request);
    }

    /**
     * Removes a property from every event of a collection ({@code DELETE /events/{collection}/properties/{path}}).
     * Needs a master key.
     *
     * @param collection the collection's name; never null
     * @param propertyPath the property's path, e.g. {@code user.email}; never null
     * @throws NotFoundException if there is no such collection or property
     * @throws NullPointerException if an argument is null
     */
    public void deleteProperty(String collection, String propertyPath) {
        requireNonNull(collection, "collection is null");
        requireNonNull(propertyPath, "propertyPath is null");
        transport.send(request(Method.DELETE, "events", collection, "properties", propertyPath));
    }

    /**
     * A count of the collection's events ({@code count}). Build on it, then {@link MetricQuery#run() run} it: {@code
     * events.count("purchases").timeframe(Timeframe.relative("this_7_days")).groupBy("country").run()}.
     *
     * @param collection the collection's name; never null, not blank
     * @return the query; never null
     * @throws IllegalArgumentException if {@code collection} is blank
     * @throws NullPointerException if {@code collection} is null
     */
    public MetricQuery<Long> count(String collection) {
        return metric(collection, Metric.count(), KeenResults::count);
    }

    /**
     * A count of the distinct values of a property ({@code count_unique}).
     *
     * @param collection the collection's name; never null, not blank
     * @param targetProperty the property's path; never null, not blank
     * @return the query; never null
     * @throws IllegalArgumentException if an argument is blank
     * @throws NullPointerException if an argument is null
     */
    public MetricQuery<Long> countUnique(String collection, String targetProperty) {
        return metric(collection, Metric.countUnique(targetProperty), KeenResults::count);
    }

    /**
     * The sum of a numeric property ({@code sum}).
     *
     * @param collection the collection's name; never null, not blank
     * @param targetProperty the property's path; never null, not blank
     * @return the query; never null
     * @throws IllegalArgumentException if an argument is blank
     * @throws NullPointerException if an argument is null
     */
    public MetricQuery<Double> sum(String collection, String targetProperty) {
        return metric(collection, Metric.sum(targetProperty), KeenResults::number);
    }

    /**
     * The smallest value of a numeric property ({@code minimum}); null where no event has one.
     *
     * @param collection the collection's name; never null, not blank
     * @param targetProperty the property's path; never null, not blank
     * @return the query; never null
     * @throws IllegalArgumentException if an argument is blank
     * @throws NullPointerException if an argument is null
     */
    public MetricQuery<Double> minimum(String collection, String targetProperty) {
        return metric(collection, Metric.minimum(targetProperty), KeenResults::number);
    }

    /**
     * The largest value of a numeric property ({@code maximum}); null where no event has one.
     *
     * @param collection the collection's name; never null, not blank
     * @param targetProperty the property's path; never null, not blank
     * @return the query; never null
     * @throws IllegalArgumentException if an argument is blank
     * @throws NullPointerException if an argument is null
     */
    public MetricQuery<Double> maximum(String collection, String targetProperty) {
        return metric(collection, Metric.maximum(targetProperty), KeenResults::number);
    }

    /**
     * The mean of a numeric property ({@code average}); null where no event has one.
     *
     * @param collection the collection's name; never null, not blank
     * @param targetProperty the property's path; never null, not blank
     * @return the query; never null
     * @throws IllegalArgumentException if an argument is blank
     * @throws NullPointerException if an argument is null
     */
    public MetricQuery<Double> average(String collection, String targetProperty) {
        return metric(collection, Metric.average(targetProperty), KeenResults::number);
    }

    /**
     * The median of a numeric property ({@code median}); null where no event has one.
     *
     * @param collection the collection's name; never null, not blank
     * @param targetProperty the property's path; never null, not blank
     * @return the query; never null
     * @throws IllegalArgumentException if an argument is blank
     * @throws NullPointerException if an argument is null
     */
    public MetricQuery<Double> median(String collection, String targetProperty) {
        return metric(collection, Metric.median(targetProperty), KeenResults::number);
    }

    /**
     * A percentile of a numeric property ({@code percentile}); null where no event has one.
     *
     * @param collection the collection's name; never null, not blank
     * @param targetProperty the property's path; never null, not blank
     * @param percentile greater than 0, at most 100, at most two decimals, e.g. 99.9
     * @return the query; never null
     * @throws IllegalArgumentException if an argument is blank, or {@code percentile} is out of range
     * @throws NullPointerException if an argument is null
     */
    public MetricQuery<Double> percentile(String collection, String targetProperty, double percentile) {
        return metric(collection, Metric.percentile(targetProperty, percentile), KeenResults::number);
    }

    /**
     * The standard deviation of a numeric property ({@code standard_deviation}); null where no event has one.
     *
     * @param collection the collection's name; never null, not blank
     * @param targetProperty the property's path; never null, not blank
     * @return the query; never null
     * @throws IllegalArgumentException if an argument is blank
     * @throws NullPointerException if an argument is null
     */
    public MetricQuery<Double> standardDeviation(String collection, String targetProperty) {
        return metric(collection, Metric.standardDeviation(targetProperty), KeenResults::number);
    }

    /**
     * The distinct values of a property ({@code select_unique}), as the server writes them: strings, {@link Long}
     * or {@link Double} numbers, booleans.
     *
     * @param collection the collection's name; never null, not blank
     * @param targetProperty the property's path; never null, not blank
     * @return the query; never null
     * @throws IllegalArgumentException if an argument is blank
     * @throws NullPointerException if an argument is null
     */
    public MetricQuery<List<Object>> selectUnique(String collection, String targetProperty) {
        return metric(collection, Metric.selectUnique(targetProperty), KeenResults::list);
    }

    /**
     * Several metrics over the same events in one request ({@code multi_analysis}), each under a label:
     * {@code events.multiAnalysis("purchases", Map.of("buyers", Metric.countUnique("user.id"), "revenue",
     * Metric.sum("price")))}. Each value of the result holds every label's value.
     *
     * @param collection the collection's name; never null, not blank
     * @param analyses the metrics by label, in the order wanted in the answer; never null, not empty; copied
     * @return the query; never null
     * @throws IllegalArgumentException if {@code collection} or a label is blank, or there are no analyses
     * @throws NullPointerException if an argument, a label or a metric is null
     */
    public MetricQuery<LabeledValues> multiAnalysis(String collection, Map<String, Metric> analyses) {
        return MetricQuery.multi(project, collection, analyses);
    }

    /**
     * A funnel over steps ({@code funnel}): unique actors counted step after step.
     *
     * @param steps the steps, in order; at least one, and the first neither optional nor inverted
     * @return the query; never null
     * @throws IllegalArgumentException if there is no step, or the first is optional or inverted
     * @throws NullPointerException if {@code steps} or a step is null
     */
    public FunnelQuery funnel(FunnelStep... steps) {
        return FunnelQuery.of(project, steps);
    }

    /**
     * An extraction of the collection's events ({@code extraction}).
     *
     * @param collection the collection's name; never null, not blank
     * @return the query; never null
     * @throws IllegalArgumentException if {@code collection} is blank
     * @throws NullPointerException if {@code collection} is null
     */
    public ExtractionQuery extraction(String collection) {
        return ExtractionQuery.of(project, collection);
    }

    /**
     * The project's access keys (needs the master key).
     *
     * @return the access keys client, the same instance on every call; never null
     */
    public AccessKeysClient accessKeys() {
        return accessKeys;
    }

    /**
     * The project's saved queries (the master key to manage them, a read key to read their results).
     *
     * @return the saved queries client, the same instance on every call; never null
     */
    public SavedQueriesClient savedQueries() {
        return savedQueries;
    }

    private <V> MetricQuery<V> metric(String collection, Metric metric, Function<JsonNode, V> values) {
        return MetricQuery.of(project, collection, metric, values);
    }

    /**
     * Starts a buffering writer with {@link EventWriter.Options#defaults() the default options}.
     *
     * @return a new, open writer, with its own background thread; never null. Close it when done (closing the
     *     {@link Cairn} also does)
     * @throws IllegalStateException if the {@link Cairn} has no project id or key, or is closed
     */
    public EventWriter writer() {
        return writer(EventWriter.Options.defaults());
    }

    /**
     * Starts a buffering writer: {@link EventWriter#add(String, Map)} queues events, and a background thread sends
     * them in batches through {@link #addAll(Map, String)}.
     *
     * @param options batch size, flush interval, queue capacity, failure callback; never null
     * @return a new, open writer, with its own background thread; never null. Close it when done (closing the
     *     {@link Cairn} also does)
     * @throws IllegalStateException if the {@link Cairn} has no project id or key, or is closed
     * @throws NullPointerException if {@code options} is null
     */
    public EventWriter writer(EventWriter.Options options) {
        requireNonNull(options, "options is null");
        project.requireSettings();
        return writers.open(this, options);
    }

    /** Closes the writers made here, newest first, each after sending what it holds; then refuses new ones. */
    void closeWriters() {
        writers.closeAll();
    }

    private BatchResult sendBatch(Map<String, ? extends List<? extends Map<String, ?>>> eventsByCollection,
            String idempotencyKey) {
        requireNonNull(eventsByCollection, "eventsByCollection is null");
        Map<String, List<Map<String, Object>>> copies = new LinkedHashMap<>();
        eventsByCollection.forEach((collection, events) -> {
            requireNonNull(collection, "collection is null");
            requireNonNull(events, "events of collection " + collection + " are null");
            List<Map<String, Object>> list = new ArrayList<>(events.size());
            for (Map<String, ?> event : events) {
                list.add(JsonValues.copyObject(requireNonNull(event, "an event of " + collection + " is null")));
            }
            copies.put(collection, list);
        });
        return addCopies(copies, idempotencyKey);
    }

    /**
     * Sends a batch of events already copied by {@link JsonValues#copyObject(Map)}, as the writer holds them.
     *
     * @param idempotencyKey null for none
     */
    BatchResult addCopies(Map<String, List<Map<String, Object>>> eventsByCollection, String idempotencyKey) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        eventsByCollection.forEach((collection, events) -> {
            if (!events.isEmpty()) {
                counts.put(collection, events.size());
            }
        });
        if (counts.isEmpty()) {
            return BatchResult.empty();
        }
        ApiRequest request = request(Method.POST, "events").withBody(eventsByCollection)
                .withIdempotencyKey(idempotencyKey);
        return transport.send(request, JsonNode.class, answer -> KeenWire.toBatchResult(answer, counts));
    }

    private ApiRequest request(Method method, String... path) {
        return project.request(method, path);
    }
}
