package io.cairn.core.model;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random lowercase hex strings for ids and secrets, from one shared {@link SecureRandom}. */
public final class Hex {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private Hex() {}

    /** {@code chars} lowercase hex characters carrying {@code 4 * chars} random bits; {@code chars} must be even. */
    public static String random(int chars) {
        if (chars <= 0 || chars % 2 != 0) {
            throw new IllegalArgumentException("chars must be a positive even number: " + chars);
        }
        byte[] bytes = new byte[chars / 2];
        RANDOM.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }

    /** Whether {@code text} is exactly {@code chars} lowercase hex characters. */
    public static boolean isLowerHex(String text, int chars) {
        if (text == null || text.length() != chars) {
            return false;
        }
        for (int i = 0; i < chars; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
