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
        Object[] texts = new Object[AWKWARD.size()];
        assertThat(PackedTexts.unpack(packed, texts)).isEqualTo(AWKWARD.size());
        assertThat(strings(texts)).containsExactlyElementsOf(AWKWARD);
        // Only strings that need no escape are handed on as bytes, to be copied into JSON as they are.
        for (int i = 0; i < texts.length; i++) {
            String text = AWKWARD.get(i);
            boolean plain = text != null && text.chars().noneMatch(c -> c == '"' || c == '\\' || c < ' ');
            assertThat(texts[i] instanceof PackedTexts.Utf8).as(String.valueOf(text)).isEqualTo(plain);
        }
    }

    @Test
    void aStringWithARawControlCharacterIsDecodedNotCopied() {
        Object[] texts = new Object[1];
        PackedTexts.unpack(bytes("[\"bell \u0007\"]"), texts);
        assertThat(texts[0]).isEqualTo("bell \u0007");
    }

    @Test
    void escapesOtherWritersUseAreReadToo() {
        Object[] texts = new Object[3];
        int count = PackedTexts.unpack(bytes("[ \"\\u00e9\\ud83d\\ude00\" , null,\"a\\/b\\b\\f\" ]"), texts);
        assertThat(count).isEqualTo(3);
        assertThat(strings(texts)).containsExactly("é😀", null, "a/b\b\f");
        assertThat(PackedTexts.unpack(bytes("[]"), texts)).isZero();
    }

    @Test
    void somethingElseThanAnArrayOfStringsIsAnInternalError() {
        Object[] texts = new Object[2];
        for (String broken : List.of("", "[\"open", "[1]", "{\"a\":1}", "[\"a\",\"b\",\"c\"]", "[\"\\x\"]",
                "[\"\\u12\"]")) {
            assertThatThrownBy(() -> PackedTexts.unpack(bytes(broken), texts)).as(broken)
                    .isInstanceOf(InternalException.class);
        }
    }

    private static List<String> strings(Object[] texts) {
        return Arrays.stream(texts).map(text -> text == null ? null : text.toString()).toList();
    }

    private static String literal(String value) {
        return value == null ? "CAST(NULL AS VARCHAR)" : DuckDbDialect.INSTANCE.quoteString(value);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
