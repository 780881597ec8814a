package io.cairn.client.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an access key is: its name, whether it is active, what it is permitted, and its options. Sent whole to
 * create a key and to update one (an update replaces all four). Start from {@link #of(String)}, or from an existing
 * key's {@link AccessKey#spec()}, and change parts with the {@code with…} methods, each of which returns a copy.
 * Immutable and thread-safe as long as option values are not changed after they are given.
 *
 * <p>Options are Keen's: e.g. {@code {"queries": {"filters": [...], "timeframe": ...}}} forces filters and a
 * timeframe onto every query made with the key, {@code {"writes": {"autofill": {...}}}} merges properties into every
 * event it writes, {@code {"saved_queries": {"allowed": [...]}}} names the saved queries it may read. Values may be
 * maps with string keys, lists, strings, numbers, booleans, null, date-times, and {@link Filter}s and {@link
 * Timeframe}s, which are written in Keen's JSON form; anything else is refused when the request is built.
 *
 * @param name the key's label; never null, not blank (Keen allows up to 256 characters; names need not be unique)
 * @param active whether the key is accepted; an inactive key is refused as if revoked
 * @param permitted what the key may be used for; never null, copied, unmodifiable
 * @param options the key's options by section; never null, copied at the top level, unmodifiable
 */
public record AccessKeySpec(String name, boolean active, Set<AccessPermission> permitted, Map<String, Object> options) {

    /**
     * Creates a spec.
     *
     * @throws NullPointerException if {@code name}, {@code permitted}, a permission, {@code options} or an option
     *     name is null
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public AccessKeySpec {
        requireNonNull(name, "name is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an access key name must not be blank");
        }
        Set<AccessPermission> permissions = EnumSet.noneOf(AccessPermission.class);
        requireNonNull(permitted, "permitted is null").forEach(permission ->
                permissions.add(requireNonNull(permission, "a permission is null")));
        permitted = Collections.unmodifiableSet(permissions);
        requireNonNull(options, "options is null");
        Map<String, Object> copy = new LinkedHashMap<>();
        options.forEach((section, value) -> copy.put(requireNonNull(section, "option name is null"), value));
        options = Collections.unmodifiableMap(copy);
    }

    /**
     * An active key with no permissions and no options.
     *
     * @param name the key's label; never null, not blank
     * @return the spec; never null
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static AccessKeySpec of(String name) {
        return new AccessKeySpec(name, true, Set.of(), Map.of());
    }

    /**
     * This spec with another name.
     *
     * @param name the label; never null, not blank
     * @return the copy; never null
     */
    public AccessKeySpec withName(String name) {
        return new AccessKeySpec(name, active, permitted, options);
    }

    /**
     * This spec, active or not.
     *
     * @param active whether the key is accepted
     * @return the copy; never null
     */
    public AccessKeySpec withActive(boolean active) {
        return new AccessKeySpec(name, active, permitted, options);
    }

    /**
     * This spec with exactly these permissions.
     *
     * @param permitted the permissions; never null, nor any of them
     * @return the copy; never null
     */
    public AccessKeySpec withPermitted(AccessPermission... permitted) {
        return new AccessKeySpec(name, active, Set.copyOf(List.of(permitted)), options);
    }

    /**
     * This spec with exactly these options.
     *
     * @param options the options by section, as the class describes; never null
     * @return the copy; never null
     */
    public AccessKeySpec withOptions(Map<String, ?> options) {
        return new AccessKeySpec(name, active, permitted,
                Collections.unmodifiableMap(requireNonNull(options, "options is null")));
    }

    /**
     * This spec with {@code options.queries.filters} set, keeping the other options: the filters are AND-ed into
     * every query made with the key.
     *
     * @param filters the forced filters; never null, nor any of them
     * @return the copy; never null
     */
    public AccessKeySpec withQueryFilters(Filter... filters) {
        return withQueryOption("filters", List.of(filters));
    }

    /**
     * This spec with {@code options.queries.timeframe} set, keeping the other options: every query made with the key
     * sees only events in the timeframe.
     *
     * @param timeframe the forced timeframe; never null
     * @return the copy; never null
     */
    public AccessKeySpec withQueryTimeframe(Timeframe timeframe) {
        return withQueryOption("timeframe", requireNonNull(timeframe, "timeframe is null"));
    }

    private AccessKeySpec withQueryOption(String option, Object value) {
        Map<String, Object> queries = new LinkedHashMap<>();
        if (options.get("queries") instanceof Map<?, ?> existing) {
            existing.forEach((key, old) -> queries.put(String.valueOf(key), old));
        }
        queries.put(option, value);
        Map<String, Object> all = new LinkedHashMap<>(options);
        all.put("queries", Collections.unmodifiableMap(queries));
        return new AccessKeySpec(name, active, permitted, all);
    }
}
