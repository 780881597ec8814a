package io.cairn.core.storage.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Two {@link AppendJournal} files written in turn, so that the engine can load the records of one while new records
 * are made durable in the other: {@link #switchFiles()} hands the current file over to a load and writes on in the
 * other one.
 *
 * <p>Record numbers grow across both files, and the engine notes the highest number it holds, so replay needs no
 * record of which file was current: it reads both ({@link #entries()}) and skips what the engine already holds.
 *
 * <p>Not thread-safe: owned by one writer thread.
 */
public final class JournalPair implements AutoCloseable {

    private final AppendJournal[] files;
    private int current;

    private JournalPair(AppendJournal first, AppendJournal second) {
        this.files = new AppendJournal[] {first, second};
    }

    /** Opens (creating when absent) both files; records are written to {@code first} until the first switch. */
    public static JournalPair open(Path first, Path second) throws IOException {
        AppendJournal one = AppendJournal.open(first);
        try {
            return new JournalPair(one, AppendJournal.open(second));
        } catch (IOException | RuntimeException e) {
            one.close();
            throw e;
        }
    }

    /** The readable records of both files, in number order. */
    public List<AppendJournal.Entry> entries() throws IOException {
        List<AppendJournal.Entry> entries = new ArrayList<>(files[0].entries());
        entries.addAll(files[1].entries());
        entries.sort(Comparator.comparingLong(AppendJournal.Entry::number));
        return entries;
    }

    /** Writes records to the current file; durable only after {@link #force()}. Numbers must grow. */
    public void append(List<AppendJournal.Entry> records) throws IOException {
        files[current].append(records);
    }

    /** Makes every record written to the current file durable. */
    public void force() throws IOException {
        files[current].force();
    }

    /**
     * Writes from now on at the start of the other file, leaving the records of this one to a load. Only once the
     * engine holds every record of the other file: they get overwritten.
     */
    public void switchFiles() throws IOException {
        int next = 1 - current;
        files[next].reset();
        current = next;
    }

    /** Starts both files again from the beginning, once the engine holds every record. */
    public void reset() throws IOException {
        files[0].reset();
        files[1].reset();
    }

    /** The file records are written to now. */
    public Path currentFile() {
        return files[current].file();
    }

    @Override
    public void close() throws IOException {
        try {
            files[0].close();
        } finally {
            files[1].close();
        }
    }
}
