package io.cairn.core.storage.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppendJournalTest {

    @TempDir
    Path dir;

    @Test
    void recordsWrittenAndForcedAreReadBackInOrderAfterReopening() throws IOException {
        Path file = dir.resolve("j");
        try (AppendJournal journal = AppendJournal.open(file)) {
            journal.append(List.of(entry(1, "one"), entry(2, "two")));
            journal.append(List.of(entry(3, "")));
            journal.force();
        }
        try (AppendJournal journal = AppendJournal.open(file)) {
            assertThat(texts(journal.entries())).containsExactly("1:one", "2:two", "3:");
            journal.append(List.of(entry(4, "four")));
            assertThat(texts(journal.entries())).containsExactly("1:one", "2:two", "3:", "4:four");
        }
    }

    @Test
    void aTornLastRecordEndsTheReadableJournal() throws IOException {
        Path file = dir.resolve("j");
        try (AppendJournal journal = AppendJournal.open(file)) {
            journal.append(List.of(entry(1, "kept"), entry(2, "cut short")));
            journal.force();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(file) - 3);
        }
        try (AppendJournal journal = AppendJournal.open(file)) {
            assertThat(texts(journal.entries())).containsExactly("1:kept");
        }
    }

    @Test
    void aRecordFailingItsChecksumEndsTheReadableJournal() throws IOException {
        Path file = dir.resolve("j");
        try (AppendJournal journal = AppendJournal.open(file)) {
            journal.append(List.of(entry(1, "kept"), entry(2, "flipped"), entry(3, "after")));
            journal.force();
        }
        long secondPayload = 16 + "kept".length() + 16;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {'F'}), secondPayload);
        }
        try (AppendJournal journal = AppendJournal.open(file)) {
            assertThat(texts(journal.entries())).containsExactly("1:kept");
        }
    }

    @Test
    void afterAResetNewRecordsOverwriteTheOldOnesWhichAreNoLongerRead() throws IOException {
        Path file = dir.resolve("j");
        try (AppendJournal journal = AppendJournal.open(file)) {
            journal.append(List.of(entry(1, "old and long"), entry(2, "old"), entry(3, "old")));
            long size = Files.size(file);
            journal.reset();
            journal.append(List.of(entry(4, "old and long")));
            journal.force();
            assertThat(Files.size(file)).as("overwritten in place, not truncated").isEqualTo(size);
            assertThat(texts(journal.entries())).containsExactly("4:old and long");
        }
        try (AppendJournal journal = AppendJournal.open(file)) {
            assertThat(texts(journal.entries())).containsExactly("4:old and long");
            journal.append(List.of(entry(5, "next")));
            assertThat(texts(journal.entries())).as("a reopened journal writes after its last readable record")
                    .containsExactly("4:old and long", "5:next");
        }
    }

    @Test
    void aRecordNumberedNoHigherThanTheOneBeforeEndsTheReadableJournal() throws IOException {
        try (AppendJournal journal = AppendJournal.open(dir.resolve("j"))) {
            journal.append(List.of(entry(7, "seven"), entry(7, "again"), entry(8, "eight")));
            assertThat(texts(journal.entries())).containsExactly("7:seven");
        }
    }

    static AppendJournal.Entry entry(long number, String text) {
        return new AppendJournal.Entry(number, text.getBytes(StandardCharsets.UTF_8));
    }

    static List<String> texts(List<AppendJournal.Entry> entries) {
        return entries.stream().map(e -> e.number() + ":" + new String(e.payload(), StandardCharsets.UTF_8)).toList();
    }
}
