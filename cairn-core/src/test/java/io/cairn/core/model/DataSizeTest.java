package io.cairn.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DataSizeTest {

    @Test
    void parsesEveryUnitAsPowersOf1024() {
        assertThat(DataSize.parse("123").bytes()).isEqualTo(123);
        assertThat(DataSize.parse("123B").bytes()).isEqualTo(123);
        assertThat(DataSize.parse("2KB").bytes()).isEqualTo(2048);
        assertThat(DataSize.parse("64mb").bytes()).isEqualTo(64L << 20);
        assertThat(DataSize.parse("64M").bytes()).isEqualTo(64L << 20);
        assertThat(DataSize.parse(" 2 GB ").bytes()).isEqualTo(2L << 30);
        assertThat(DataSize.parse("1TB").bytes()).isEqualTo(1L << 40);
    }

    @Test
    void rendersTheLargestWholeUnitAndReadsItBack() {
        for (String text : new String[] {"0B", "7B", "1536KB", "64MB", "2GB", "3TB"}) {
            assertThat(DataSize.parse(text)).hasToString(text);
        }
    }

    @Test
    void rejectsWhatIsNotASize() {
        assertThatThrownBy(() -> DataSize.parse("lots")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataSize.parse("-1MB")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataSize.parse("99999999999TB")).isInstanceOf(IllegalArgumentException.class);
    }
}
