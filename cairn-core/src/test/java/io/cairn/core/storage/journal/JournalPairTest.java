package io.cairn.core.storage.journal;

import static io.cairn.core.storage.journal.AppendJournalTest.entry;
import static io.cairn.core.storage.journal.AppendJournalTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalPairTest {

    @TempDir
    Path dir;

    @Test
    void recordsOfBothFilesAreReadBackInNumberOrderAfterReopening() throws IOException {
        try (JournalPair journal = open()) {
            journal.append(List.of(entry(1, "a"), entry(2, "b")));
            journal.switchFiles();
            journal.append(List.of(entry(3, "c")));
            journal.switchFiles();
            // The first file is rewound: its new record hides the two older ones behind it.
            journal.append(List.of(entry(4, "d")));
            journal.force();
            assertThat(journal.currentFile()).isEqualTo(dir.resolve("first"));
        }
        try (JournalPair journal = open()) {
            assertThat(texts(journal.entries())).containsExactly("3:c", "4:d");
        }
    }

    @Test
    void writesGoToTheOtherFileAfterASwitchAndTheFirstKeepsItsRecordsForTheLoad() throws IOException {
        try (JournalPair journal = open()) {
            journal.append(List.of(entry(1, "loading")));
            journal.switchFiles();
            journal.append(List.of(entry(2, "new")));
            journal.force();
            assertThat(journal.currentFile()).isEqualTo(dir.resolve("second"));
        }
        try (AppendJournal first = AppendJournal.open(dir.resolve("first"));
                AppendJournal second = AppendJournal.open(dir.resolve("second"))) {
            assertThat(texts(first.entries())).containsExactly("1:loading");
            assertThat(texts(second.entries())).containsExactly("2:new");
        }
    }

    @Test
    void aResetRewindsBothFiles() throws IOException {
        try (JournalPair journal = open()) {
            journal.append(List.of(entry(1, "a"), entry(2, "b")));
            journal.switchFiles();
            journal.append(List.of(entry(3, "c")));
            journal.reset();
            journal.append(List.of(entry(4, "d")));
            journal.switchFiles();
            journal.append(List.of(entry(5, "e")));
            journal.force();
        }
        try (JournalPair journal = open()) {
            assertThat(texts(journal.entries())).containsExactly("4:d", "5:e");
        }
    }

    private JournalPair open() throws IOException {
        return JournalPair.open(dir.resolve("first"), dir.resolve("second"));
    }
}
