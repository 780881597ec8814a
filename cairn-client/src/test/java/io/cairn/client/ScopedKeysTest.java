package io.cairn.client;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.client.internal.Json;
import io.cairn.client.model.Filter;
import io.cairn.client.model.Timeframe;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Keen's scoped-key format (wire notes §8): round trips for both key forms, and other producers' paddings. */
class ScopedKeysTest {

    private static final String HEX_MASTER = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final String LEGACY_MASTER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    private static final byte[] IV = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
    private static final Map<String, Object> READ_FR = Map.of("allowed_operations", List.of("read"),
            "filters", List.of(Map.of("property_name", "country", "operator", "eq", "property_value", "FR")));

    /** What another producer would send: the IV, then the plaintext as given (already padded, or not), hex. */
    private static String encryptedByHand(byte[] aesKey, byte[] plaintext) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new IvParameterSpec(IV));
        return HexFormat.of().formatHex(IV) + HexFormat.of().formatHex(cipher.doFinal(plaintext));
    }

    private static byte[] withPadding(byte[] bytes, int block) {
        int n = block - bytes.length % block;
        byte[] padded = Arrays.copyOf(bytes, bytes.length + n);
        Arrays.fill(padded, bytes.length, padded.length, (byte) n);
        return padded;
    }

    /** JSON whose UTF-8 length is a multiple of {@code block}, the case Keen's Python client leaves unpadded. */
    private static String alignedJson(int block) {
        for (int filler = 0; ; filler++) {
            String json = "{\"allowed_operations\": [\"read\"], \"note\": \"" + "x".repeat(filler) + "\"}";
            if (json.getBytes(UTF_8).length % block == 0) {
                return json;
            }
        }
    }

    @Test
    void aHexMasterKeyRoundTripsWithLowercaseHexOfIvAndWholeBlocks() {
        String scoped = ScopedKeys.encrypt(HEX_MASTER, READ_FR);

        assertThat(scoped).matches("[0-9a-f]+");
        assertThat(scoped.length() % 32).isZero();
        assertThat(scoped.length()).isGreaterThan(64);
        assertThat(ScopedKeys.decrypt(HEX_MASTER, scoped)).isEqualTo(READ_FR);
        assertThat(ScopedKeys.decrypt(HEX_MASTER, scoped.toUpperCase())).isEqualTo(READ_FR);
        assertThat(ScopedKeys.encrypt(HEX_MASTER, READ_FR)).as("a fresh IV each time").isNotEqualTo(scoped);
    }

    @Test
    void legacyMasterKeysRoundTripWhateverTheirLength() {
        for (String master : List.of(LEGACY_MASTER, "short-key", "k")) {
            String scoped = ScopedKeys.encrypt(master, READ_FR);
            assertThat(ScopedKeys.decrypt(master, scoped)).isEqualTo(READ_FR);
            // Legacy keys pad the plaintext to 32-byte blocks: IV + a whole number of 32-byte blocks.
            assertThat((scoped.length() - 32) % 64).isZero();
        }
    }

    @Test
    void plaintextThatFillsItsBlocksGetsAWholeBlockOfPadding() {
        for (int filler = 0; filler < 16; filler++) {
            Map<String, Object> options = Map.of("allowed_operations", List.of("read"), "n", "x".repeat(filler));
            int plain = Json.write(options).length; // the SDK writes compact JSON
            String scoped = ScopedKeys.encrypt(HEX_MASTER, options);

            assertThat(scoped.length()).isEqualTo(2 * (16 + plain + (16 - plain % 16)));
            assertThat(ScopedKeys.decrypt(HEX_MASTER, scoped)).isEqualTo(options);
        }
    }

    @Test
    void pythonsUnpaddedAlignedPlaintextDecryptsForBothKeyForms() throws Exception {
        String hexAligned = alignedJson(16);
        assertThat(ScopedKeys.decrypt(HEX_MASTER, encryptedByHand(HexFormat.of().parseHex(HEX_MASTER),
                hexAligned.getBytes(UTF_8)))).containsEntry("allowed_operations", List.of("read"));

        String legacyAligned = alignedJson(32);
        assertThat(ScopedKeys.decrypt(LEGACY_MASTER, encryptedByHand(LEGACY_MASTER.getBytes(US_ASCII),
                legacyAligned.getBytes(UTF_8)))).containsKey("note");
    }

    @Test
    void javasSixteenBytePaddingWithALegacyKeyDecrypts() throws Exception {
        String json = "{\"allowed_operations\":[\"write\"]}";
        byte[] shortKey = withPadding("short".getBytes(US_ASCII), 32);
        assertThat(shortKey).hasSize(32);

        assertThat(ScopedKeys.decrypt(LEGACY_MASTER, encryptedByHand(LEGACY_MASTER.getBytes(US_ASCII),
                withPadding(json.getBytes(UTF_8), 16)))).isEqualTo(Map.of("allowed_operations", List.of("write")));
        assertThat(ScopedKeys.decrypt("short", encryptedByHand(shortKey, withPadding(json.getBytes(UTF_8), 32))))
                .isEqualTo(Map.of("allowed_operations", List.of("write")));
    }

    @Test
    void filtersAndTimeframesAreWrittenInKeensForm() {
        String scoped = ScopedKeys.encrypt(HEX_MASTER, Map.of("allowed_operations", List.of("read"),
                "filters", List.of(Filter.eq("country", "FR")),
                "timeframe", Timeframe.absolute(Instant.parse("2024-01-01T00:00:00Z"),
                        Instant.parse("2024-02-01T00:00:00Z"))));

        Map<String, Object> options = ScopedKeys.decrypt(HEX_MASTER, scoped);
        assertThat(options.get("filters")).isEqualTo(READ_FR.get("filters"));
        assertThat(options.get("timeframe")).isEqualTo(Map.of("start", "2024-01-01T00:00:00.000Z",
                "end", "2024-02-01T00:00:00.000Z"));
    }

    @Test
    void aWrongOrMalformedKeyIsRefused() {
        String scoped = ScopedKeys.encrypt(HEX_MASTER, READ_FR);
        String otherMaster = "f".repeat(64);

        assertThatThrownBy(() -> ScopedKeys.decrypt(otherMaster, scoped)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not decrypt");
        assertThatThrownBy(() -> ScopedKeys.decrypt(HEX_MASTER, scoped.substring(0, 40)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScopedKeys.decrypt(HEX_MASTER, "zz" + scoped.substring(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hex");
        assertThatThrownBy(() -> ScopedKeys.encrypt("g".repeat(64), READ_FR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hex");
        assertThatThrownBy(() -> ScopedKeys.encrypt("x".repeat(40), READ_FR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 32");
        assertThatThrownBy(() -> ScopedKeys.encrypt("", READ_FR)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScopedKeys.encrypt(HEX_MASTER, Map.of("x", new Object())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
