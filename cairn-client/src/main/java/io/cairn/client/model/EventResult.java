package io.cairn.client.model;

/**
 * What the server did with one event of a batch ({@link BatchResult}). Immutable and thread-safe.
 *
 * @param success whether the event was stored
 * @param errorName why it was not, as a stable name such as {@code InvalidPropertyNameError}; null when it was
 *     stored or the server gave no name
 * @param errorDescription a human-readable explanation; null when it was stored or the server gave none
 */
public record EventResult(boolean success, String errorName, String errorDescription) {

    private static final EventResult STORED = new EventResult(true, null, null);

    /**
     * The result of a stored event.
     *
     * @return the shared success value; never null
     */
    public static EventResult stored() {
        return STORED;
    }

    /**
     * The result of a rejected event.
     *
     * @param errorName the error's name; may be null
     * @param errorDescription the explanation; may be null
     * @return the failure value; never null
     */
    public static EventResult rejected(String errorName, String errorDescription) {
        return new EventResult(false, errorName, errorDescription);
    }
}
