package io.cairn.core.project;

import static java.nio.charset.StandardCharsets.US_ASCII;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keen's legacy scoped keys: a JSON options document encrypted by a client with the project's master key
 * (AES-CBC, random IV in front, all hex). Cairn only decrypts them; it never issues them.
 *
 * <p>Four producers exist (Python and Java, each for 64-character and shorter master keys) and they pad
 * differently, so decryption is deliberately lenient about padding; the JSON that must come out is what tells a
 * good key from a tampered or foreign one. Thread-safe (stateless).
 */
public final class ScopedKeys {

    private static final int IV_BYTES = 16;
    private static final int BLOCK_BYTES = 16;
    /** Legacy keys pad their plaintext to 32-byte blocks, so a pad byte may be as large as 32. */
    private static final int MAX_PAD = 32;
    /** Master keys of other lengths are used as ASCII, padded to a multiple of this many bytes. */
    private static final int LEGACY_KEY_BLOCK = 32;
    /** Trailing bytes after the JSON are a sign of tampering (or of the wrong key), never of a real key. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ScopedKeys() {}

    /**
     * Whether a presented key string is a scoped key rather than a plain key: hex, and longer than the 64
     * characters of every plain key (the IV alone is 32 hex characters, and at least one block follows).
     */
    public static boolean isScopedKey(String key) {
        if (key == null || key.length() <= ProjectService.SECRET_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f') && !(c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    /** The options object inside {@code scopedKey}, or empty when it does not open with {@code masterKey}. */
    static Optional<Map<String, Object>> options(String scopedKey, String masterKey) {
        return decrypt(scopedKey, masterKey).flatMap(ScopedKeys::jsonObject);
    }

    /**
     * The plaintext of {@code scopedKey} decrypted with {@code masterKey}, or empty when it cannot be decrypted
     * with it (wrong length, not hex, not valid UTF-8). A wrong master key usually yields text that is not JSON;
     * telling that apart is the caller's job.
     */
    static Optional<String> decrypt(String scopedKey, String masterKey) {
        if (!isScopedKey(scopedKey) || scopedKey.length() % 2 != 0) {
            return Optional.empty();
        }
        byte[] bytes = HexFormat.of().parseHex(scopedKey);
        if (bytes.length < IV_BYTES + BLOCK_BYTES || (bytes.length - IV_BYTES) % BLOCK_BYTES != 0) {
            return Optional.empty();
        }
        Optional<byte[]> aesKey = aesKey(masterKey);
        if (aesKey.isEmpty()) {
            return Optional.empty();
        }
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey.get(), "AES"),
                    new IvParameterSpec(bytes, 0, IV_BYTES));
            plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
        return utf8(unpad(plain));
    }

    /**
     * The AES key a master key stands for: a 64-character key is hex for 32 bytes; any other is its own ASCII,
     * padded to a multiple of 32 bytes with N bytes of value N (none when already a multiple).
     */
    private static Optional<byte[]> aesKey(String masterKey) {
        if (masterKey.length() == ProjectService.SECRET_LENGTH) {
            try {
                return Optional.of(HexFormat.of().parseHex(masterKey));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        byte[] ascii = masterKey.getBytes(US_ASCII);
        int pad = (LEGACY_KEY_BLOCK - ascii.length % LEGACY_KEY_BLOCK) % LEGACY_KEY_BLOCK;
        byte[] key = Arrays.copyOf(ascii, ascii.length + pad);
        Arrays.fill(key, ascii.length, key.length, (byte) pad);
        return key.length == 16 || key.length == 24 || key.length == 32 ? Optional.of(key) : Optional.empty();
    }

    /** Strips N trailing bytes of value N (1 to 32) when they are there; keeps unpadded plaintext as it is. */
    private static byte[] unpad(byte[] plain) {
        int n = plain[plain.length - 1] & 0xff;
        if (n < 1 || n > MAX_PAD || n > plain.length) {
            return plain;
        }
        for (int i = plain.length - n; i < plain.length; i++) {
            if ((plain[i] & 0xff) != n) {
                return plain;
            }
        }
        return Arrays.copyOf(plain, plain.length - n);
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Optional<Map<String, Object>> jsonObject(String text) {
        try {
            return Optional.ofNullable(JSON.readValue(text, Map.class)).map(JsonValues::freeze);
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
