package io.cairn.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.core.model.Hex;
import io.cairn.core.testing.KeenScopedKeyProducer;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScopedKeysTest {

    private static final String MASTER = Hex.random(64);
    private static final String LEGACY_MASTER = "0123456789ABCDEFGHIJKLMNOPQRSTUV";

    @Test
    void onlyHexLongerThanAPlainKeyIsAScopedKey() {
        assertThat(ScopedKeys.isScopedKey(Hex.random(64))).isFalse();
        assertThat(ScopedKeys.isScopedKey(Hex.random(96))).isTrue();
        assertThat(ScopedKeys.isScopedKey(Hex.random(96).toUpperCase())).isTrue();
        assertThat(ScopedKeys.isScopedKey("z" + Hex.random(96))).isFalse();
        assertThat(ScopedKeys.isScopedKey("\uff10" + Hex.random(96))).isFalse();
        assertThat(ScopedKeys.isScopedKey(null)).isFalse();
    }

    @Test
    void pythonKeysOpenWhetherOrNotThePlaintextFillsItsLastBlock() {
        for (boolean aligned : List.of(true, false)) {
            String json = KeenScopedKeyProducer.pythonReadOptions("acme", 16, aligned);
            String key = KeenScopedKeyProducer.PYTHON.encrypt(MASTER, json);
            assertThat(ScopedKeys.decrypt(key, MASTER)).contains(json);
            assertThat(ScopedKeys.options(key, MASTER).orElseThrow()).containsEntry("allowed_operations",
                    List.of("read"));
        }
    }

    @Test
    void javaKeysOpenWithTheirFullPaddingBlock() {
        String aligned = KeenScopedKeyProducer.pythonReadOptions("acme", 16, true).replace(", ", ",")
                .replace(": ", ":");
        for (String json : List.of("{\"allowed_operations\":[\"write\"]}", aligned)) {
            assertThat(ScopedKeys.decrypt(KeenScopedKeyProducer.JAVA.encrypt(MASTER, json), MASTER)).contains(json);
        }
    }

    @Test
    void legacyMasterKeysAreUsedAsAsciiWithPythonsThirtyTwoBytePaddingOrJavasSixteen() {
        for (boolean aligned : List.of(true, false)) {
            String json = KeenScopedKeyProducer.pythonReadOptions("acme", 32, aligned);
            assertThat(ScopedKeys.decrypt(KeenScopedKeyProducer.PYTHON.encrypt(LEGACY_MASTER, json), LEGACY_MASTER))
                    .contains(json);
            assertThat(ScopedKeys.decrypt(KeenScopedKeyProducer.JAVA.encrypt(LEGACY_MASTER, json), LEGACY_MASTER))
                    .contains(json);
        }
        String shortMaster = "short-legacy-key";
        String json = "{\"allowed_operations\": [\"write\"]}";
        assertThat(ScopedKeys.decrypt(KeenScopedKeyProducer.PYTHON.encrypt(shortMaster, json), shortMaster))
                .contains(json);
    }

    @Test
    void anotherMasterKeyOpensNothing() {
        String key = KeenScopedKeyProducer.PYTHON.encrypt(MASTER, "{\"allowed_operations\": [\"read\"]}");
        assertThat(ScopedKeys.options(key, Hex.random(64))).isEmpty();
        assertThat(ScopedKeys.options(key, LEGACY_MASTER)).isEmpty();
    }

    @Test
    void tamperedTruncatedOrMisshapenKeysOpenNothing() {
        String json = KeenScopedKeyProducer.pythonReadOptions("acme", 16, false);
        String key = KeenScopedKeyProducer.PYTHON.encrypt(MASTER, json);
        byte[] bytes = HexFormat.of().parseHex(key);
        for (int at : List.of(bytes.length - 1, bytes.length - 20, 40)) {
            byte[] tampered = bytes.clone();
            tampered[at] ^= 0x55;
            assertThat(ScopedKeys.options(HexFormat.of().formatHex(tampered), MASTER)).as("byte %d", at).isEmpty();
        }
        assertThat(ScopedKeys.options(key.substring(0, key.length() - 32), MASTER)).isEmpty();
        assertThat(ScopedKeys.options(key.substring(0, key.length() - 2), MASTER)).isEmpty();
        assertThat(ScopedKeys.options(key + "0", MASTER)).isEmpty();
        assertThat(ScopedKeys.options(key.substring(0, 32) + "00".repeat(16), MASTER)).isEmpty();
    }

    @Test
    void onlyAJsonObjectIsAnOptionsDocument() {
        for (String text : List.of("[\"read\"]", "null", "{\"a\": 1} trailing", "\"text\"")) {
            assertThat(ScopedKeys.options(KeenScopedKeyProducer.JAVA.encrypt(MASTER, text), MASTER)).as(text).isEmpty();
        }
        String key = KeenScopedKeyProducer.JAVA.encrypt(MASTER, "{\"timeframe\": null, \"allowed_operations\": []}");
        Optional<Map<String, Object>> options = ScopedKeys.options(key, MASTER);
        assertThat(options.orElseThrow()).containsEntry("timeframe", null);
    }
}
