package io.cairn.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.core.model.ColumnType;
import io.cairn.core.storage.RowBatch.Column;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowBatchTest {

    @Test
    void concatKeepsRowOrderUnderTheUnionOfColumnsWithNullsWhereABatchHasNone() {
        RowBatch first = RowBatch.builder(List.of(new Column("name", ColumnType.VARCHAR)), 2)
                .setString(0, "a").endRow()
                .setString(0, "b").endRow()
                .build();
        RowBatch second = RowBatch.builder(List.of(new Column("n", ColumnType.BIGINT),
                        new Column("name", ColumnType.VARCHAR)), 1)
                .setLong(0, 7).endRow()
                .build();

        RowBatch all = RowBatch.concat(List.of(first, second));

        assertThat(all.columns()).containsExactly(new Column("name", ColumnType.VARCHAR),
                new Column("n", ColumnType.BIGINT));
        assertThat(all.size()).isEqualTo(3);
        assertThat(Arrays.copyOf(all.strings(0), 3)).containsExactly("a", "b", null);
        assertThat(all.isSet(1, 0)).isFalse();
        assertThat(all.isSet(1, 1)).isFalse();
        assertThat(all.isSet(1, 2)).isTrue();
        assertThat(all.longs(1)[2]).isEqualTo(7);
    }

    @Test
    void concatRefusesAColumnWithTwoTypes() {
        RowBatch text = RowBatch.builder(List.of(new Column("v", ColumnType.VARCHAR)), 1).endRow().build();
        RowBatch number = RowBatch.builder(List.of(new Column("v", ColumnType.DOUBLE)), 1).endRow().build();
        assertThatThrownBy(() -> RowBatch.concat(List.of(text, number)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("v");
    }
}
