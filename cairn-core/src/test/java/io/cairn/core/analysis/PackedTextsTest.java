package io.cairn.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.core.error.InternalException;
import io.cairn.core.storage.duckdb.DuckDbDialect;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Strings packed by the real engine come back exactly as they went in. */
class PackedTextsTest {

    private static final List<String> AWKWARD = Arrays.asList("plain", "", null, "say \"hi\"", "back\\slash",
            "line\nbreak\ttab\r", "control \u0001 \u001f", "é ü 中文", "emoji 😀 pair", "slash / and \\/", null,
            "ends with backslash \\");

    @Test
    void theEnginesPackingOfAwkwardStringsUnpacksToTheSameStrings() throws SQLException {
        String expressions = AWKWARD.stream().map(PackedTextsTest::literal).collect(Collectors.joining(", "));
        String sql = "SELECT " + DuckDbDialect.INSTANCE.textsAsJsonArray(List.of(expressions));
        byte[] packed;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            packed = rs.getBytes(1);
        }
        String[] texts = new String[AWKWARD.size()];
        assertThat(PackedTexts.unpack(packed, texts)).isEqualTo(AWKWARD.size());
        assertThat(texts).containsExactlyElementsOf(AWKWARD);
    }

    @Test
    void escapesOtherWritersUseAreReadToo() {
        String[] texts = new String[3];
        int count = PackedTexts.unpack(bytes("[ \"\\u00e9\\ud83d\\ude00\" , null,\"a\\/b\\b\\f\" ]"), texts);
        assertThat(count).isEqualTo(3);
        assertThat(texts).containsExactly("é😀", null, "a/b\b\f");
        assertThat(PackedTexts.unpack(bytes("[]"), texts)).isZero();
    }

    @Test
    void somethingElseThanAnArrayOfStringsIsAnInternalError() {
        String[] texts = new String[2];
        for (String broken : List.of("", "[\"open", "[1]", "{\"a\":1}", "[\"a\",\"b\",\"c\"]", "[\"\\x\"]",
                "[\"\\u12\"]")) {
            assertThatThrownBy(() -> PackedTexts.unpack(bytes(broken), texts)).as(broken)
                    .isInstanceOf(InternalException.class);
        }
    }

    private static String literal(String value) {
        return value == null ? "CAST(NULL AS VARCHAR)" : DuckDbDialect.INSTANCE.quoteString(value);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
