package io.cairn.core.storage.journal;

import io.cairn.core.model.ColumnType;
import io.cairn.core.storage.RowBatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The payload of a journal record: rows appended to tables, as {@code [tables: int]} then per table {@code [name]
 * [rows: int][columns: int]}, per column {@code [name][type ordinal: byte]}, then per column and row a presence byte
 * followed, when present, by the value. Strings are {@code [UTF-8 length: int][bytes]}.
 */
public final class AppendCodec {

    private static final ColumnType[] TYPES = ColumnType.values();

    private AppendCodec() {}

    public static byte[] encode(Map<String, RowBatch> appends) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(appends.size());
            for (Map.Entry<String, RowBatch> table : appends.entrySet()) {
                writeString(out, table.getKey());
                write(out, table.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("encoding in memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    public static Map<String, RowBatch> decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        int tables = in.readInt();
        Map<String, RowBatch> appends = new LinkedHashMap<>();
        for (int t = 0; t < tables; t++) {
            String table = readString(in);
            appends.put(table, read(in));
        }
        return appends;
    }

    private static void write(DataOutputStream out, RowBatch batch) throws IOException {
        out.writeInt(batch.size());
        out.writeInt(batch.columns().size());
        for (RowBatch.Column column : batch.columns()) {
            writeString(out, column.name());
            out.writeByte(column.type().ordinal());
        }
        for (int c = 0; c < batch.columns().size(); c++) {
            ColumnType type = batch.columns().get(c).type();
            for (int row = 0; row < batch.size(); row++) {
                boolean set = batch.isSet(c, row);
                out.writeBoolean(set);
                if (!set) {
                    continue;
                }
                switch (type) {
                    case VARCHAR, JSON -> writeString(out, batch.strings(c)[row]);
                    case DOUBLE -> out.writeDouble(batch.doubles(c)[row]);
                    case BIGINT, TIMESTAMP -> out.writeLong(batch.longs(c)[row]);
                    case BOOLEAN -> out.writeBoolean(batch.booleans(c)[row]);
                }
            }
        }
    }

    private static RowBatch read(DataInputStream in) throws IOException {
        int rows = in.readInt();
        int count = in.readInt();
        List<RowBatch.Column> columns = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            String name = readString(in);
            columns.add(new RowBatch.Column(name, TYPES[in.readUnsignedByte()]));
        }
        // Values come column by column, rows are built row by row: read every column first.
        Object[][] values = new Object[count][rows];
        for (int c = 0; c < count; c++) {
            for (int row = 0; row < rows; row++) {
                if (!in.readBoolean()) {
                    continue;
                }
                values[c][row] = switch (columns.get(c).type()) {
                    case VARCHAR, JSON -> readString(in);
                    case DOUBLE -> in.readDouble();
                    case BIGINT, TIMESTAMP -> in.readLong();
                    case BOOLEAN -> in.readBoolean();
                };
            }
        }
        RowBatch.Builder builder = RowBatch.builder(columns, rows);
        for (int row = 0; row < rows; row++) {
            for (int c = 0; c < count; c++) {
                switch (values[c][row]) {
                    case null -> { }
                    case String text -> builder.setString(c, text);
                    case Double number -> builder.setDouble(c, number);
                    case Long number -> builder.setLong(c, number);
                    case Boolean bool -> builder.setBoolean(c, bool);
                    default -> throw new IllegalStateException("unexpected journal value");
                }
            }
            builder.endRow();
        }
        return builder.build();
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
