package io.cairn.core.project;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an access key may do with cached datasets (Keen's {@code options.datasets}): which operations ({@code list}
 * definitions, {@code retrieve} a definition, {@code read} results), which datasets, and for each allowed dataset
 * which values of its index properties. Absent parts allow everything.
 *
 * @param operations when present, the only operations allowed
 * @param allowed    when present, the only datasets allowed, each with its allowed values per index property
 * @param blocked    datasets never allowed, whatever {@code allowed} says
 */
public record DatasetAccess(Optional<Set<String>> operations, Optional<Map<String, Map<String, List<Object>>>> allowed,
        Set<String> blocked) {

    /** No restriction at all. */
    public static final DatasetAccess ANY = new DatasetAccess(Optional.empty(), Optional.empty(), Set.of());

    public static final String LIST = "list";
    public static final String RETRIEVE = "retrieve";
    public static final String READ = "read";

    public DatasetAccess {
        requireNonNull(operations, "operations is null");
        operations = operations.map(Set::copyOf);
        requireNonNull(allowed, "allowed is null");
        allowed = allowed.map(Map::copyOf);
        blocked = Set.copyOf(blocked);
    }

    public boolean permitsOperation(String operation) {
        return operations.map(ops -> ops.contains(operation)).orElse(true);
    }

    public boolean permitsDataset(String name) {
        return !blocked.contains(name) && allowed.map(names -> names.containsKey(name)).orElse(true);
    }

    /**
     * Whether results for these index values may be read: every index property the key restricts must be asked
     * for with one of its allowed values (numbers compare by value).
     */
    public boolean permitsIndex(String name, Map<String, Object> indexValues) {
        if (!permitsDataset(name)) {
            return false;
        }
        Map<String, List<Object>> limits = allowed.map(names -> names.get(name)).orElse(Map.of());
        for (Map.Entry<String, List<Object>> limit : limits.entrySet()) {
            Object asked = indexValues.get(limit.getKey());
            if (limit.getValue().stream().noneMatch(value -> sameValue(value, asked))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return a != null && a.equals(b);
    }
}
