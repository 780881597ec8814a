package io.cairn.server.http;

import com.fasterxml.jackson.core.io.NumberOutput;
import io.cairn.core.model.AsciiDigits;

/**
 * Doubles as JSON text, byte for byte as Cairn's Jackson generators write them (with the fast double writer): the
 * shortest decimal that reads back as the same double, plain from 10<sup>-3</sup> up to 10<sup>7</sup>
 * ({@code 95.9}, {@code 100.0}, {@code -0.0}), in Java's scientific form outside ({@code 1.0E-7},
 * {@code 1.0E21}); NaN and the infinities as the quoted strings Jackson writes for them.
 *
 * <p>Measured values mostly carry a few decimals. Those are found with a multiplication per decimal instead of the
 * general shortest-digits search: below 10<sup>7</sup> a double's neighbours lie less than 2<sup>-29</sup> away, so
 * with at most six decimals one integer at most can be the digits of a decimal that reads back as the double, the
 * nearest to the scaled double; the first number of decimals where it reads back is the shortest form.
 */
public final class JsonDoubles {

    /** The most bytes {@link #write} writes: {@code -2.2250738585072014E-308}. */
    public static final int MAX_LENGTH = 24;

    private static final double[] POWERS_OF_TEN = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
    private static final long[] LONG_POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};
    private static final double PLAIN_FROM = 1e-3;
    private static final double PLAIN_BELOW = 1e7;

    private JsonDoubles() {}

    /** Writes {@code value} at {@code at} as ASCII; returns the position after it. */
    public static int write(double value, byte[] text, int at) {
        double magnitude = Math.abs(value);
        if (magnitude >= PLAIN_FROM && magnitude < PLAIN_BELOW) {
            for (int decimals = 0; decimals < POWERS_OF_TEN.length; decimals++) {
                double digits = Math.rint(magnitude * POWERS_OF_TEN[decimals]);
                if (digits / POWERS_OF_TEN[decimals] == magnitude) {
                    return plain(value < 0, magnitude, (long) digits, decimals, text, at);
                }
            }
        } else if (value == 0) {
            return plain(Double.doubleToRawLongBits(value) < 0, 0, 0, 0, text, at);
        }
        return general(value, text, at);
    }

    /**
     * {@code digits} × 10<sup>-decimals</sup>, with at least one decimal as Java writes plain doubles. The whole part
     * is the magnitude's: when the decimal is a whole number the double is exactly that number, and otherwise the
     * decimal lies 10<sup>-6</sup> at least from either whole number next to it, far beyond the double's error. So
     * the digits split with a multiplication, where a division by a power of ten only known at run time costs a
     * hardware division.
     */
    private static int plain(boolean negative, double magnitude, long digits, int decimals, byte[] text, int at) {
        if (negative) {
            text[at++] = '-';
        }
        int whole = (int) magnitude;
        at = writeWhole(whole, text, at);
        text[at++] = '.';
        if (decimals == 0) {
            text[at++] = '0';
            return at;
        }
        long fraction = digits - whole * LONG_POWERS_OF_TEN[decimals];
        for (int i = at + decimals - 1; i >= at; i--) {
            text[i] = (byte) ('0' + fraction % 10);
            fraction /= 10;
        }
        return at + decimals;
    }

    /** A number below 10<sup>7</sup>, two digits at a time. */
    private static int writeWhole(int value, byte[] text, int at) {
        int length = value < 10 ? 1 : value < 100 ? 2 : value < 1_000 ? 3 : value < 10_000 ? 4 : value < 100_000 ? 5
                : value < 1_000_000 ? 6 : 7;
        int i = at + length;
        while (value >= 10) {
            int pair = AsciiDigits.PAIRS[value % 100];
            value /= 100;
            text[--i] = (byte) (pair >>> 8);
            text[--i] = (byte) pair;
        }
        if (i > at) {
            text[--i] = (byte) ('0' + value);
        }
        return at + length;
    }

    private static int general(double value, byte[] text, int at) {
        String digits = NumberOutput.toString(value, true);
        boolean quoted = !Double.isFinite(value);
        if (quoted) {
            text[at++] = '"';
        }
        for (int i = 0; i < digits.length(); i++) {
            text[at++] = (byte) digits.charAt(i);
        }
        if (quoted) {
            text[at++] = '"';
        }
        return at;
    }
}
