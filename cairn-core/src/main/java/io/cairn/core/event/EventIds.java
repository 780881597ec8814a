package io.cairn.core.event;

import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code keen.id} values: 24 lowercase hex characters, the seconds of the receive time then 64 random bits, so that
 * ids sort roughly by arrival and collide with negligible probability. Not secret, so no secure random is needed.
 */
final class EventIds {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private EventIds() {}

    static String next(long epochSecond) {
        char[] id = new char[24];
        write(id, 0, epochSecond & 0xffff_ffffL, 8);
        write(id, 8, ThreadLocalRandom.current().nextLong(), 16);
        return new String(id);
    }

    private static void write(char[] into, int at, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            into[at + i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
    }
}
