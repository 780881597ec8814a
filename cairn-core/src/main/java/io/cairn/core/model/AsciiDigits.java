package io.cairn.core.model;

/** Two decimal digits at a time, for the writers that put numbers and times into answers as ASCII bytes. */
public final class AsciiDigits {

    /**
     * Per number below 100, its two ASCII digits as they lie in memory read as a little-endian number: the tens digit
     * in the low byte.
     */
    public static final int[] PAIRS = pairs();

    private AsciiDigits() {}

    private static int[] pairs() {
        int[] pairs = new int[100];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = ('0' + i / 10) | ('0' + i % 10) << 8;
        }
        return pairs;
    }
}
