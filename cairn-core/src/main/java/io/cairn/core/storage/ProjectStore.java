package io.cairn.core.storage;

import io.cairn.core.error.CairnException;
import io.cairn.core.error.InternalException;
import io.cairn.core.error.ErrorCode;
import io.cairn.core.model.ProjectId;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * One project's database: reads on pooled connections, writes through the database's single writer.
 *
 * <p>Writes are <em>group-committed</em>: the writer takes every unit waiting in its queue (up to a batch limit),
 * applies them in one transaction and commits once, so many small writes cost one commit. A unit that fails is
 * re-run alone so it cannot fail its neighbours; units must therefore be deterministic functions of the session
 * with no side effects outside it. A write's future completes only after its commit is durable (for small
 * {@linkplain #submitAppend appends}: after they are durable in the engine's journal).
 *
 * <p>Thread-safe; called on request threads. Throws {@code UnavailableException} when the write queue stays full
 * past its timeout or the engine is closing.
 */
public interface ProjectStore {

    ProjectId projectId();

    /** Queues {@code unit} for the writer; the future completes after the commit that includes it. */
    <T> CompletableFuture<T> submit(WriteUnit<T> unit);

    /** {@link #submit} and wait: returns once the unit's commit is durable, or throws the unit's failure. */
    default <T> T write(WriteUnit<T> unit) {
        return await(submit(unit));
    }

    /**
     * Queues rows to append to tables (table name to rows), as a unit that only calls {@link WriteSession#append}
     * would. The future completes once the rows are durable: an engine may acknowledge small appends from a journal
     * of its own before it has loaded them, but every read and write that starts afterwards sees them.
     */
    default CompletableFuture<Void> submitAppend(Map<String, RowBatch> rows) {
        return submit(session -> {
            rows.forEach(session::append);
            return null;
        });
    }

    /** {@link #submitAppend} and wait. */
    default void append(Map<String, RowBatch> rows) {
        await(submitAppend(rows));
    }

    private static <T> T await(CompletableFuture<T> done) {
        try {
            return done.get();
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof CairnException cairn) {
                throw cairn;
            }
            throw new InternalException(ErrorCode.STORAGE_FAILURE, "write failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InternalException(ErrorCode.INTERNAL, "interrupted while waiting for a write", e);
        }
    }

    /** Runs {@code unit} on a read connection and returns its result; sees every write acknowledged before. */
    <T> T read(ReadUnit<T> unit);

    /** Work done by the writer inside a transaction. */
    @FunctionalInterface
    interface WriteUnit<T> {
        T apply(WriteSession session);
    }

    /** Work done on a read connection. */
    @FunctionalInterface
    interface ReadUnit<T> {
        T apply(ReadSession session);
    }
}
