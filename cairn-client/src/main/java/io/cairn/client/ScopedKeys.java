package io.cairn.client;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.client.internal.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keen's scoped keys: an options document ({@code allowed_operations}, and optionally {@code filters}, {@code
 * timeframe}...) encrypted with the project's master key, which anyone holding it can use as a key restricted to
 * those options, and which the server decrypts with the same master key. No request is made: a scoped key is made
 * offline, and works as soon as it is made, until its master key is revoked.
 *
 * <pre>{@code
 * String frOnly = ScopedKeys.encrypt(masterKey, Map.of(
 *         "allowed_operations", List.of("read"),
 *         "filters", List.of(Filter.eq("country", "FR"))));
 * }</pre>
 *
 * <p>The format is Keen's, so keys made here work against Keen's hosted API too, and keys made by Keen's Python and
 * Java clients decrypt here. AES in CBC mode with a random 16-byte IV, written as lowercase hex of the IV followed by
 * hex of the ciphertext. A master key of 64 characters is hex for a 32-byte AES key, and the plaintext is padded
 * PKCS#7-style to 16-byte blocks. Any other master key (Keen's legacy 32-character keys) is used as its own ASCII
 * characters, padded to 32 bytes with N bytes of value N, and the plaintext is padded the same way to 32-byte
 * blocks. Decryption accepts every producer's padding, including none at all (Keen's Python client does not pad a
 * plaintext that already fills its blocks).
 *
 * <p>The format carries no integrity check: a scoped key hides its options from those who hold it but does not stop
 * them from altering its first block. Access keys ({@link AccessKeysClient}) are the safer way to hand out restricted
 * access. Stateless and thread-safe.
 */
public final class ScopedKeys {

    /** The length of a current Keen or Cairn master key: 64 hex characters. */
    private static final int HEX_KEY_LENGTH = 64;
    /** Legacy keys are padded to this many bytes, and so is their plaintext. */
    private static final int LEGACY_BLOCK = 32;
    private static final int AES_BLOCK = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ScopedKeys() {}

    /**
     * Makes a scoped key.
     *
     * @param masterKey the project's master key: 64 hex characters, or (legacy) 1 to 32 ASCII characters; never null
     * @param options the options: {@code allowed_operations} (a list of {@code "read"} and {@code "write"}) and
     *     optionally {@code filters}, {@code timeframe} and others; values may be maps with string keys, lists,
     *     strings, numbers, booleans, null, date-times, and {@link io.cairn.client.model.Filter}s and {@link
     *     io.cairn.client.model.Timeframe}s, which are written in Keen's JSON form; never null
     * @return the scoped key: lowercase hex, 32 characters of IV then the ciphertext; never null
     * @throws IllegalArgumentException if the master key has another form, or an option value cannot be sent as
     *     JSON
     * @throws NullPointerException if an argument is null
     */
    public static String encrypt(String masterKey, Map<String, ?> options) {
        requireNonNull(masterKey, "masterKey is null");
        requireNonNull(options, "options is null");
        byte[] plain = Json.write(KeenWire.json(options, "options"));
        byte[] padded = pad(plain, isHexKey(masterKey) ? AES_BLOCK : LEGACY_BLOCK);
        byte[] iv = new byte[AES_BLOCK];
        RANDOM.nextBytes(iv);
        byte[] cipherText = crypt(Cipher.ENCRYPT_MODE, aesKey(masterKey), iv, padded, 0, padded.length);
        return HexFormat.of().formatHex(iv) + HexFormat.of().formatHex(cipherText);
    }

    /**
     * Reads the options of a scoped key.
     *
     * @param masterKey the master key the scoped key was made with; never null
     * @param scopedKey the scoped key, hex in either case; never null
     * @return the options as JSON values (maps, lists, strings, {@link Long} or {@link Double} numbers, booleans,
     *     null), unmodifiable; never null
     * @throws IllegalArgumentException if the master key has another form than {@link #encrypt(String, Map)} takes,
     *     or the scoped key is not hex, too short, or does not decrypt with this master key into a JSON object
     * @throws NullPointerException if an argument is null
     */
    public static Map<String, Object> decrypt(String masterKey, String scopedKey) {
        requireNonNull(masterKey, "masterKey is null");
        requireNonNull(scopedKey, "scopedKey is null");
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(scopedKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a scoped key is an even number of hex characters", e);
        }
        if (bytes.length < 2 * AES_BLOCK || bytes.length % AES_BLOCK != 0) {
            throw new IllegalArgumentException("a scoped key holds a 16-byte IV and whole 16-byte blocks, got "
                    + bytes.length + " bytes");
        }
        byte[] plain = crypt(Cipher.DECRYPT_MODE, aesKey(masterKey), Arrays.copyOf(bytes, AES_BLOCK), bytes,
                AES_BLOCK, bytes.length - AES_BLOCK);
        String text = utf8(unpad(plain));
        JsonNode json;
        try {
            json = Json.readTree(text.getBytes(UTF_8));
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw notThisKey();
        }
        return KeenWire.objectValue(json, "options");
    }

    private static boolean isHexKey(String masterKey) {
        return masterKey.length() == HEX_KEY_LENGTH;
    }

    /**
     * A 64-character key is hex for 32 bytes; a shorter one its ASCII, padded to 32 bytes with N bytes of N (a
     * 32-character key is used as it is).
     */
    private static byte[] aesKey(String masterKey) {
        if (isHexKey(masterKey)) {
            try {
                return HexFormat.of().parseHex(masterKey);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a 64-character master key must be hex", e);
            }
        }
        if (masterKey.isEmpty() || masterKey.length() > LEGACY_BLOCK || !US_ASCII.newEncoder().canEncode(masterKey)) {
            throw new IllegalArgumentException("a master key is 64 hex characters, or (legacy) 1 to 32 ASCII"
                    + " characters; got " + masterKey.length() + " characters");
        }
        byte[] ascii = masterKey.getBytes(US_ASCII);
        return ascii.length == LEGACY_BLOCK ? ascii : pad(ascii, LEGACY_BLOCK);
    }

    /** N bytes of value N up to the next multiple of {@code block} (a whole block when already a multiple). */
    private static byte[] pad(byte[] bytes, int block) {
        int n = block - bytes.length % block;
        byte[] padded = Arrays.copyOf(bytes, bytes.length + n);
        Arrays.fill(padded, bytes.length, padded.length, (byte) n);
        return padded;
    }

    /**
     * Strips N trailing bytes of value N (1 to 32) when they are all there; otherwise keeps the text as it is: a
     * producer that did not pad left JSON, which never ends in such bytes.
     */
    private static byte[] unpad(byte[] plain) {
        int n = plain[plain.length - 1] & 0xff;
        if (n < 1 || n > LEGACY_BLOCK || n > plain.length) {
            return plain;
        }
        for (int i = plain.length - n; i < plain.length; i++) {
            if ((plain[i] & 0xff) != n) {
                return plain;
            }
        }
        return Arrays.copyOf(plain, plain.length - n);
    }

    private static byte[] crypt(int mode, byte[] key, byte[] iv, byte[] input, int offset, int length) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(input, offset, length);
        } catch (GeneralSecurityException e) {
            // AES-256 in CBC mode is in every JDK, and the lengths were checked: this is not the caller's doing.
            throw new IllegalStateException("AES/CBC is not available: " + e.getMessage(), e);
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw notThisKey();
        }
    }

    private static IllegalArgumentException notThisKey() {
        return new IllegalArgumentException("the scoped key does not decrypt with this master key into a JSON object"
                + " of options");
    }
}
