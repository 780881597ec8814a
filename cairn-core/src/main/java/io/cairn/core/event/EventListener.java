package io.cairn.core.event;

import io.cairn.core.model.ProjectId;
import java.util.Set;

/**
 * Told of changes to stored events, by services that keep results derived from them (cached datasets). Called on
 * the thread that made the change; implementations must be quick and thread-safe, and must not throw.
 */
public interface EventListener {

    /** Events of these collections were committed. */
    default void ingested(ProjectId projectId, Set<String> collections) {}

    /**
     * Events of {@code collection} are about to be deleted (some of them, all of them, or one property of all), so
     * that what was derived from them can be marked stale first: if the process dies in between, the results are
     * rebuilt needlessly rather than left wrong.
     */
    default void deleting(ProjectId projectId, String collection) {}
}
