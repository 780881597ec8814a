package io.cairn.core.analysis;

import io.cairn.core.model.ProjectId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Where the answers of recent "newest N events" extractions began: the time of the oldest event each kept. Asked
 * again, the same question most likely starts there again (events arrive roughly in time order), so the engine is
 * first asked only for what lies from that time on, which its row groups' min/max timestamps let it find without
 * reading the rest.
 *
 * <p>A hint is never trusted: when fewer than N matching events lie from it on (events were deleted), the
 * extraction looks for its window afresh. Only the most recently used {@value #CAPACITY} questions are remembered.
 * Thread-safe.
 */
final class NewestHints {

    static final int CAPACITY = 1024;

    /** One question: which events (the collection's table, the filter's SQL and parameters) and how many. */
    record Question(ProjectId projectId, String table, String where, List<Object> parameters, int latest) {}

    private final Map<Question, Long> oldestKept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Question, Long> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized OptionalLong oldestKept(Question question) {
        Long micros = oldestKept.get(question);
        return micros == null ? OptionalLong.empty() : OptionalLong.of(micros);
    }

    synchronized void remember(Question question, long oldestKeptMicros) {
        oldestKept.put(question, oldestKeptMicros);
    }
}
