package io.cairn.core.storage.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.core.model.ColumnType;
import io.cairn.core.storage.RowBatch;
import io.cairn.core.storage.RowBatch.Column;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppendCodecTest {

    @Test
    void everyTypeNullsAndSeveralTablesRoundTrip() throws IOException {
        RowBatch.Builder events = RowBatch.builder(List.of(new Column("ts", ColumnType.TIMESTAMP),
                new Column("name", ColumnType.VARCHAR), new Column("amount", ColumnType.DOUBLE),
                new Column("n", ColumnType.BIGINT), new Column("ok", ColumnType.BOOLEAN),
                new Column("tags", ColumnType.JSON)), 2);
        events.setLong(0, 1_714_979_289_123_456L).setString(1, "Zoë \"quoted\" 日本 \uD83D\uDE00").setDouble(2, -0.5)
                .setLong(3, Long.MIN_VALUE).setBoolean(4, false).setString(5, "[1,\"a\"]").endRow();
        events.setDouble(2, Double.NaN).endRow();
        RowBatch.Builder other = RowBatch.builder(List.of(new Column("x", ColumnType.VARCHAR)), 1);
        other.setString(0, "").endRow();
        Map<String, RowBatch> appends = new LinkedHashMap<>();
        appends.put("events_1", events.build());
        appends.put("other", other.build());

        Map<String, RowBatch> decoded = AppendCodec.decode(AppendCodec.encode(appends));

        assertThat(decoded.keySet()).containsExactly("events_1", "other");
        assertThat(cells(decoded.get("events_1"))).isEqualTo(cells(appends.get("events_1")));
        assertThat(cells(decoded.get("other"))).containsExactly(List.of(""));
        assertThat(decoded.get("events_1").columns()).isEqualTo(appends.get("events_1").columns());
    }

    /** Each row's cells as Java values, null where not set. */
    static List<List<Object>> cells(RowBatch batch) {
        List<List<Object>> rows = new ArrayList<>();
        for (int row = 0; row < batch.size(); row++) {
            List<Object> cells = new ArrayList<>();
            for (int c = 0; c < batch.columns().size(); c++) {
                if (!batch.isSet(c, row)) {
                    cells.add(null);
                    continue;
                }
                cells.add(switch (batch.columns().get(c).type()) {
                    case VARCHAR, JSON -> batch.strings(c)[row];
                    case DOUBLE -> batch.doubles(c)[row];
                    case BIGINT, TIMESTAMP -> batch.longs(c)[row];
                    case BOOLEAN -> batch.booleans(c)[row];
                });
            }
            rows.add(cells);
        }
        return rows;
    }
}
