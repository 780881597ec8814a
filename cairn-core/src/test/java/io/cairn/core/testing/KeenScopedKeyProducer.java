package io.cairn.core.testing;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keen's scoped-key <em>encryption</em> as its clients perform it, written for test fixtures from the algorithm's
 * description (never from a client's code): the server must decrypt what each of them produces. Shared with the server module's tests.
 */
public enum KeenScopedKeyProducer {
    /** Pads PKCS#7-style to 16 bytes (32 for keys not 64 characters long), but not at all when already aligned. */
    PYTHON,
    /** Always pads PKCS#5-style to 16 bytes, whatever the key. */
    JAVA;

    private static final SecureRandom RANDOM = new SecureRandom();

    public String encrypt(String masterKey, String optionsJson) {
        boolean hexKey = masterKey.length() == 64;
        byte[] key = hexKey ? HexFormat.of().parseHex(masterKey) : padded(masterKey.getBytes(US_ASCII), 32, false);
        int block = this == JAVA || hexKey ? 16 : 32;
        byte[] plain = padded(optionsJson.getBytes(UTF_8), block, this == JAVA);
        byte[] iv = new byte[16];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return HexFormat.of().formatHex(iv) + HexFormat.of().formatHex(cipher.doFinal(plain));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** N bytes of value N up to the next multiple of {@code block}; a whole block when aligned, if asked. */
    private static byte[] padded(byte[] bytes, int block, boolean padWhenAligned) {
        int n = block - bytes.length % block;
        if (n == block && !padWhenAligned) {
            return bytes;
        }
        byte[] out = Arrays.copyOf(bytes, bytes.length + n);
        Arrays.fill(out, bytes.length, out.length, (byte) n);
        return out;
    }

    /**
     * Options for a read key filtering on {@code tenant}, in Python's {@code json.dumps} spacing, whose length is a
     * multiple of {@code multiple} exactly when {@code aligned} (so both padding branches are exercised).
     */
    public static String pythonReadOptions(String tenant, int multiple, boolean aligned) {
        for (int filler = 0; ; filler++) {
            String json = "{\"allowed_operations\": [\"read\"], \"filters\": [{\"property_name\": \"tenant\", "
                    + "\"operator\": \"eq\", \"property_value\": \"" + tenant + "\"}], \"note\": \""
                    + "x".repeat(filler) + "\"}";
            if ((json.getBytes(UTF_8).length % multiple == 0) == aligned) {
                return json;
            }
        }
    }
}
