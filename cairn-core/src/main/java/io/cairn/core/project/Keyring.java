package io.cairn.core.project;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.cairn.core.model.Hex;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The data directory's own secret (file {@code keyring}, owner-only), from which two independent keys are derived:
 * one to hash key secrets (HMAC-SHA256, so a copied catalog does not let anyone test guesses offline) and one to
 * seal the few secrets the server must be able to read back (AES-256-GCM).
 *
 * <p>Thread-safe. Losing the file makes every stored key unusable: back it up with the data directory.
 */
public final class Keyring {

    static final String FILE_NAME = "keyring";
    private static final int GCM_IV_BYTES = 12;
    private static final int GCM_TAG_BITS = 128;

    /** Initialized once and cloned per hash: looking up and keying a new {@link Mac} cost a few µs a request. */
    private final Mac hashing;
    private final SecretKeySpec sealingKey;
    private final SecureRandom random = new SecureRandom();

    Keyring(byte[] root) {
        if (root.length != 32) {
            throw new IllegalArgumentException("keyring root must be 32 bytes");
        }
        this.hashing = hmac(derive(root, "cairn key secret hashing v1"));
        this.sealingKey = new SecretKeySpec(derive(root, "cairn key secret sealing v1"), "AES");
    }

    /** Loads {@code <dataDir>/keyring}, creating it with 256 random bits on first start. */
    public static Keyring loadOrCreate(Path dataDir) {
        String hex = SecretFile.readOrCreate(dataDir.resolve(FILE_NAME), () -> Hex.random(64));
        try {
            return new Keyring(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the keyring file " + dataDir.resolve(FILE_NAME)
                    + " is damaged: it must hold 64 hex characters", e);
        }
    }

    /** The keyed hash of a secret; equal secrets give equal hashes. */
    public byte[] hash(String secret) {
        try {
            return ((Mac) hashing.clone()).doFinal(secret.getBytes(UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the HmacSHA256 provider cannot copy a keyed Mac", e);
        }
    }

    /** Whether {@code secret} hashes to {@code expectedHash}, compared in constant time. */
    public boolean matches(String secret, byte[] expectedHash) {
        return MessageDigest.isEqual(hash(secret), expectedHash);
    }

    /** Encrypts {@code plaintext}; the result carries its own random IV. */
    public byte[] seal(String plaintext) {
        try {
            byte[] iv = new byte[GCM_IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealingKey, new GCMParameterSpec(GCM_TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(UTF_8));
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** Decrypts what {@link #seal} produced; throws {@link IllegalStateException} if it was altered. */
    public String open(byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealingKey, new GCMParameterSpec(GCM_TAG_BITS, sealed, 0, GCM_IV_BYTES));
            return new String(cipher.doFinal(sealed, GCM_IV_BYTES, sealed.length - GCM_IV_BYTES), UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed secret does not open with this keyring", e);
        }
    }

    private static byte[] derive(byte[] root, String purpose) {
        return hmac(root).doFinal(purpose.getBytes(UTF_8));
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
