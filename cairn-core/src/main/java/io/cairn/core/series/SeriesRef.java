package io.cairn.core.series;

import static java.util.Objects.requireNonNull;

/** How a request names one series: by its generated id or by its key. */
public sealed interface SeriesRef {

    static SeriesRef id(String id) {
        return new ById(id);
    }

    static SeriesRef key(String key) {
        return new ByKey(key);
    }

    record ById(String id) implements SeriesRef {
        public ById {
            requireNonNull(id, "id is null");
        }

        @Override
        public String toString() {
            return "id " + id;
        }
    }

    record ByKey(String key) implements SeriesRef {
        public ByKey {
            requireNonNull(key, "key is null");
        }

        @Override
        public String toString() {
            return "key " + key;
        }
    }
}
