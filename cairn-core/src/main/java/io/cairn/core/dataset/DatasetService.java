package io.cairn.core.dataset;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.core.analysis.AnalysisResult;
import io.cairn.core.analysis.AnalysisService;
import io.cairn.core.analysis.Metric;
import io.cairn.core.error.CairnException;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.error.InternalException;
import io.cairn.core.error.InvalidRequestException;
import io.cairn.core.error.NotFoundException;
import io.cairn.core.event.EventListener;
import io.cairn.core.event.EventService;
import io.cairn.core.model.Interval;
import io.cairn.core.model.ProjectId;
import io.cairn.core.model.TimeRange;
import io.cairn.core.model.Timeframe;
import io.cairn.core.query.ResultCache;
import io.cairn.core.storage.Catalog;
import io.cairn.core.storage.StorageEngine;
import io.cairn.core.storage.Upserted;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cached datasets. A dataset's values are computed once for its whole window, then kept up to date by refreshes
 * that recompute only the buckets touched by events recorded since the last refresh (found by {@code
 * keen.created_at}, so nothing is missed across restarts). The scheduler refreshes datasets whose collection has
 * seen events ({@link #refreshDue}); deleting events marks the datasets on them for a rebuild before the delete
 * runs. A result is a lookup of the stored buckets of one index value.
 *
 * <p>Thread-safe; refreshes of one dataset never overlap.
 */
public final class DatasetService implements EventListener {

    /**
     * How far before the last refresh a refresh looks for newly recorded events: an event's {@code created_at} is
     * read from the clock before it waits in the write queue, so it may commit after a refresh that started later.
     */
    static final Duration RECORDING_MARGIN = Duration.ofMinutes(2);

    /** A rebuild computes at most this many buckets per analysis, bounding the memory of one pass. */
    private static final int BUCKETS_PER_PASS = 64;

    private static final Logger log = LoggerFactory.getLogger(DatasetService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final Catalog catalog;
    private final EventService events;
    private final AnalysisService analyses;
    private final DatasetTables tables;
    private final Clock clock;
    private final Map<String, DatasetLanguage> languages = new ConcurrentHashMap<>();
    /** When each (project, collection) last saw events, to skip refreshing datasets of quiet collections. */
    private final Map<String, Instant> lastRecorded = new ConcurrentHashMap<>();
    /** When each dataset was last refreshed by this process; absent: refresh at the next chance. */
    private final Map<String, Instant> lastRefreshed = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public DatasetService(StorageEngine storage, EventService events, AnalysisService analyses, Clock clock) {
        this.catalog = storage.catalog();
        this.events = requireNonNull(events, "events is null");
        this.analyses = requireNonNull(analyses, "analyses is null");
        this.tables = new DatasetTables(storage);
        this.clock = requireNonNull(clock, "clock is null");
        events.addListener(this);
    }

    /** Makes a language's datasets definable; registering an id again replaces the language. */
    public void register(DatasetLanguage language) {
        languages.put(language.id(), language);
    }

    /**
     * Creates or replaces a dataset. The definition is compiled first, and its window must not hold more buckets
     * than an analysis may return. A replaced dataset is rebuilt.
     *
     * @throws InvalidRequestException for a bad name or definition
     */
    public Upserted<Dataset> save(ProjectId projectId, String language, String name, String displayName,
            JsonNode definition, List<String> indexBy) {
        if (name == null || name.isBlank() || name.length() > 256 || name.chars().anyMatch(Character::isISOControl)) {
            throw InvalidRequestException.field("dataset_name", "a dataset needs a name of 1 to 256 characters"
                    + " without control characters");
        }
        DatasetQuery query = language(language).compile(definition, indexBy);
        Instant now = clock.instant();
        TimeRange window = query.window().resolve(now, query.zone(), query.weekStart());
        query.interval().buckets(query.wholeBuckets(window), query.zone(), query.weekStart(), Interval.MAX_BUCKETS);
        Upserted<Dataset> saved = catalog.putDataset(new Dataset(projectId, name, language,
                displayName == null || displayName.isBlank() ? name : displayName, query.collection(), definition,
                indexBy, now, now));
        lastRefreshed.remove(key(saved.value()));
        return saved;
    }

    /** @throws NotFoundException when the project has no such dataset */
    public Dataset get(ProjectId projectId, String name) {
        return catalog.findDataset(projectId, name).orElseThrow(() -> new NotFoundException(
                ErrorCode.DATASET_NOT_FOUND, "no dataset named " + name, Map.of("name", name)));
    }

    /** A project's datasets, by name. */
    public List<Dataset> list(ProjectId projectId) {
        return catalog.listDatasets(projectId);
    }

    /** @throws NotFoundException when the project has no such dataset */
    public void delete(ProjectId projectId, String name) {
        Dataset dataset = get(projectId, name);
        withLock(dataset, () -> {
            if (!catalog.deleteDataset(projectId, name)) {
                throw new NotFoundException(ErrorCode.DATASET_NOT_FOUND, "no dataset named " + name,
                        Map.of("name", name));
            }
            tables.drop(projectId, name);
            lastRefreshed.remove(key(dataset));
            return null;
        });
    }

    /** The compiled query of a dataset, e.g. to show its calendar. */
    public DatasetQuery query(Dataset dataset) {
        return language(dataset.language()).compile(dataset.definition(), dataset.indexBy());
    }

    /** When the dataset's values were last brought up to date; empty until its first refresh completes. */
    public Optional<Instant> refreshedAt(Dataset dataset) {
        return tables.state(dataset.projectId(), dataset.name())
                .filter(state -> state.fingerprint().equals(fingerprint(dataset)))
                .flatMap(DatasetTables.State::refreshedAt);
    }

    /**
     * The buckets of {@code timeframe} for one index value. A dataset not built yet (or marked for a rebuild) is
     * built first; otherwise the stored values are served as of the last refresh.
     *
     * @param indexValues a value for each of the dataset's index properties
     * @throws InvalidRequestException when an index value is missing or the timeframe starts before the window
     */
    public DatasetResult results(ProjectId projectId, String name, Map<String, Object> indexValues,
            Timeframe timeframe) {
        Dataset dataset = get(projectId, name);
        DatasetQuery query = query(dataset);
        if (refreshedAt(dataset).isEmpty()) {
            refresh(dataset);
        }
        Instant now = clock.instant();
        TimeRange window = query.wholeBuckets(query.window().resolve(now, query.zone(), query.weekStart()));
        TimeRange range = timeframe.resolve(now, query.zone(), query.weekStart());
        if (range.start().isBefore(window.start())) {
            throw new InvalidRequestException(ErrorCode.INVALID_TIMEFRAME, "dataset " + name + " keeps "
                    + query.window() + ", from " + window.start() + "; ask for a timeframe inside it",
                    Map.of("field", "timeframe"));
        }
        List<TimeRange> buckets = query.interval().buckets(range, query.zone(), query.weekStart(),
                Interval.MAX_BUCKETS);
        Map<Instant, String> stored = tables.values(projectId, name, indexKey(query, indexValues),
                TimeRange.of(buckets.getFirst().start(), buckets.getLast().end()));
        List<AnalysisResult.Bucket> series = new ArrayList<>();
        for (TimeRange bucket : buckets) {
            String json = stored.get(bucket.start());
            series.add(new AnalysisResult.Bucket(bucket, json == null ? empty(query) : value(json)));
        }
        return new DatasetResult(dataset, query, new AnalysisResult.Series(series));
    }

    /**
     * Refreshes every dataset that has not been refreshed by this process yet, or whose collection has recorded
     * events since its last refresh. Failures are logged and do not stop the others. Called by the scheduler.
     *
     * @return how many datasets were refreshed
     */
    public int refreshDue() {
        int refreshed = 0;
        for (Dataset dataset : catalog.listAllDatasets()) {
            Instant last = lastRefreshed.get(key(dataset));
            Instant recorded = lastRecorded.get(collectionKey(dataset.projectId(), dataset.collection()));
            // The listener hears of events once they are committed, so events heard of before a refresh started
            // were seen by it.
            boolean due = last == null || (recorded != null && !recorded.isBefore(last));
            if (!due || !languages.containsKey(dataset.language())) {
                continue;
            }
            try {
                refresh(dataset);
                refreshed++;
            } catch (CairnException e) {
                log.warn("dataset refresh failed project={} dataset={} code={} message={}", dataset.projectId(),
                        dataset.name(), e.code().id(), e.getMessage());
            }
        }
        return refreshed;
    }

    /** Brings a dataset's values up to date now: rebuilds it when needed, else recomputes the touched buckets. */
    public void refresh(Dataset dataset) {
        withLock(dataset, () -> {
            refreshLocked(dataset);
            return null;
        });
    }

    private void refreshLocked(Dataset dataset) {
        Instant now = clock.instant();
        DatasetQuery query = query(dataset);
        ProjectId projectId = dataset.projectId();
        String fingerprint = fingerprint(dataset);
        TimeRange window = query.wholeBuckets(query.window().resolve(now, query.zone(), query.weekStart()));
        Optional<DatasetTables.State> state = tables.state(projectId, dataset.name());
        Optional<TimeRange> dirty;
        if (state.isEmpty() || !state.get().fingerprint().equals(fingerprint)
                || state.get().refreshedAt().isEmpty()) {
            tables.startRebuild(projectId, dataset.name(), fingerprint);
            dirty = Optional.of(window);
        } else {
            Instant since = state.get().refreshedAt().get().minus(RECORDING_MARGIN);
            dirty = events.findCollection(projectId, query.collection())
                    .flatMap(schema -> tables.changedSince(projectId, schema, since))
                    .flatMap(changed -> intersection(changed, window))
                    .map(query::wholeBuckets);
        }
        if (dirty.isPresent()) {
            for (TimeRange pass : passes(query, dirty.get())) {
                tables.replace(projectId, dataset.name(), pass, compute(projectId, query, pass));
            }
        }
        tables.finishRefresh(projectId, dataset.name(), now, window.start());
        lastRefreshed.put(key(dataset), now);
        log.debug("dataset refreshed project={} dataset={} recomputed={}", projectId, dataset.name(), dirty);
    }

    /** {@code range} in consecutive pieces of at most {@link #BUCKETS_PER_PASS} whole buckets. */
    private static List<TimeRange> passes(DatasetQuery query, TimeRange range) {
        List<TimeRange> buckets = query.interval().buckets(range, query.zone(), query.weekStart(), Integer.MAX_VALUE);
        List<TimeRange> passes = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i += BUCKETS_PER_PASS) {
            int last = Math.min(i + BUCKETS_PER_PASS, buckets.size()) - 1;
            passes.add(TimeRange.of(buckets.get(i).start(), buckets.get(last).end()));
        }
        return passes;
    }

    /** Every index value's buckets over {@code range}, as stored values. */
    private List<DatasetTables.Value> compute(ProjectId projectId, DatasetQuery query, TimeRange range) {
        AnalysisResult.Series series = (AnalysisResult.Series) analyses.run(projectId, query.over(range));
        List<DatasetTables.Value> values = new ArrayList<>();
        int indexes = query.indexBy().size();
        for (AnalysisResult.Bucket bucket : series.buckets()) {
            Map<String, List<AnalysisResult.Group>> byIndex = new LinkedHashMap<>();
            for (AnalysisResult.Group group : ((AnalysisResult.Groups) bucket.value()).groups()) {
                List<Object> index = new ArrayList<>();
                Map<String, Object> keys = new LinkedHashMap<>();
                int i = 0;
                for (Map.Entry<String, Object> key : group.keys().entrySet()) {
                    if (i++ < indexes) {
                        index.add(canonical(key.getValue()));
                    } else {
                        keys.put(key.getKey(), key.getValue());
                    }
                }
                byIndex.computeIfAbsent(json(index), k -> new ArrayList<>())
                        .add(new AnalysisResult.Group(keys, group.metrics()));
            }
            byIndex.forEach((indexKey, groups) -> values.add(new DatasetTables.Value(indexKey,
                    bucket.timeframe().start(), stored(query, groups))));
        }
        return values;
    }

    /** Stored form: {@code {"m": metrics}} for an ungrouped query, {@code {"g": [{"k": keys, "m": metrics}]}}. */
    private static String stored(DatasetQuery query, List<AnalysisResult.Group> groups) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (query.groupBy().isEmpty()) {
            node.set("m", JSON.valueToTree(groups.getFirst().metrics()));
        } else {
            ArrayNode rows = node.putArray("g");
            for (AnalysisResult.Group group : groups) {
                ObjectNode row = rows.addObject();
                row.set("k", JSON.valueToTree(group.keys()));
                row.set("m", JSON.valueToTree(group.metrics()));
            }
        }
        return json(node);
    }

    private static AnalysisResult value(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node.has("m")) {
                return new AnalysisResult.Values(JSON.convertValue(node.get("m"), OBJECT));
            }
            List<AnalysisResult.Group> groups = new ArrayList<>();
            for (JsonNode row : node.get("g")) {
                groups.add(new AnalysisResult.Group(JSON.convertValue(row.get("k"), OBJECT),
                        JSON.convertValue(row.get("m"), OBJECT)));
            }
            return new AnalysisResult.Groups(groups);
        } catch (JsonProcessingException e) {
            throw new InternalException(ErrorCode.STORAGE_FAILURE, "a stored dataset value is not JSON", e);
        }
    }

    private static AnalysisResult empty(DatasetQuery query) {
        if (!query.groupBy().isEmpty()) {
            return new AnalysisResult.Groups(List.of());
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (Map.Entry<String, Metric> metric : query.metrics().entrySet()) {
            metrics.put(metric.getKey(), metric.getValue().emptyValue());
        }
        return new AnalysisResult.Values(metrics);
    }

    /** The stored key of one combination of index values, in the dataset's index order. */
    private static String indexKey(DatasetQuery query, Map<String, Object> indexValues) {
        List<Object> index = new ArrayList<>();
        for (String property : query.indexBy()) {
            if (!indexValues.containsKey(property)) {
                throw InvalidRequestException.field("index_by", "index_by needs a value for each of "
                        + query.indexBy() + "; " + property + " is missing");
            }
            index.add(canonical(indexValues.get(property)));
        }
        return json(index);
    }

    /** Numbers compare by value whatever their Java type: whole ones as longs, others as doubles. */
    private static Object canonical(Object value) {
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
        }
        return value;
    }

    private static Optional<TimeRange> intersection(TimeRange a, TimeRange b) {
        Instant start = a.start().isAfter(b.start()) ? a.start() : b.start();
        Instant end = a.end().isBefore(b.end()) ? a.end() : b.end();
        return start.isBefore(end) ? Optional.of(TimeRange.of(start, end)) : Optional.empty();
    }

    private String fingerprint(Dataset dataset) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("definition", dataset.definition());
        node.set("index_by", JSON.valueToTree(dataset.indexBy()));
        return ResultCache.hash(dataset.language(), node);
    }

    @Override
    public void ingested(ProjectId projectId, Set<String> collections) {
        Instant now = clock.instant();
        collections.forEach(collection -> lastRecorded.put(collectionKey(projectId, collection), now));
    }

    /** Marks the collection's datasets for a rebuild, durably, before its events change. */
    @Override
    public void deleting(ProjectId projectId, String collection) {
        List<String> affected = new ArrayList<>();
        for (Dataset dataset : catalog.listDatasets(projectId)) {
            if (dataset.collection().equals(collection)) {
                affected.add(dataset.name());
                lastRefreshed.remove(key(dataset));
            }
        }
        tables.markStale(projectId, affected);
    }

    /** Drops what this service remembers of a deleted project. */
    public void forgetProject(ProjectId projectId) {
        tables.forgetProject(projectId);
        String prefix = projectId.value() + "/";
        lastRecorded.keySet().removeIf(key -> key.startsWith(prefix));
        lastRefreshed.keySet().removeIf(key -> key.startsWith(prefix));
        locks.keySet().removeIf(key -> key.startsWith(prefix));
    }

    private <T> T withLock(Dataset dataset, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(key(dataset), k -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private DatasetLanguage language(String id) {
        DatasetLanguage language = languages.get(id);
        if (language == null) {
            throw InvalidRequestException.field("language", "no dataset language " + id + " is served here");
        }
        return language;
    }

    private static String key(Dataset dataset) {
        return dataset.projectId().value() + "/" + dataset.name();
    }

    private static String collectionKey(ProjectId projectId, String collection) {
        return projectId.value() + "/" + collection;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not writable as JSON", e);
        }
    }
}
