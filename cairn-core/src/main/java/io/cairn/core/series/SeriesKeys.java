package io.cairn.core.series;

import io.cairn.core.error.InvalidRequestException;

/** What a series key may be: 1 to 512 characters, none of them control characters; '/', spaces, any script. */
final class SeriesKeys {

    static final int MAX_LENGTH = 512;

    private SeriesKeys() {}

    static String check(String key) {
        if (key == null || key.isEmpty()) {
            throw InvalidRequestException.field("key", "a series key must not be empty");
        }
        if (key.length() > MAX_LENGTH) {
            throw InvalidRequestException.field("key", "a series key has at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < key.length(); i++) {
            if (Character.isISOControl(key.charAt(i))) {
                throw InvalidRequestException.field("key", "a series key must not contain control characters");
            }
        }
        return key;
    }
}
