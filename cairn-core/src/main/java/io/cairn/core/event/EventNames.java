package io.cairn.core.event;

import io.cairn.core.error.ErrorCode;
import java.util.Optional;

/** The naming rules for collections and properties; a broken rule is described, ready for an error message. */
public final class EventNames {

    public static final int MAX_NAME_LENGTH = 256;

    private EventNames() {}

    /** Why {@code name} cannot name a collection, if it cannot. */
    public static Optional<EventError> checkCollection(String name) {
        if (name == null || name.isEmpty()) {
            return invalid(ErrorCode.INVALID_COLLECTION_NAME, "a collection name cannot be empty");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return invalid(ErrorCode.INVALID_COLLECTION_NAME,
                    "a collection name is at most " + MAX_NAME_LENGTH + " characters");
        }
        if (name.startsWith("$")) {
            return invalid(ErrorCode.INVALID_COLLECTION_NAME, "a collection name cannot start with '$': " + name);
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return invalid(ErrorCode.INVALID_COLLECTION_NAME,
                        "a collection name cannot contain control characters");
            }
        }
        return Optional.empty();
    }

    /** Why {@code name} (one level of a property path) cannot name a property, if it cannot. */
    public static Optional<EventError> checkProperty(String name) {
        if (name.isEmpty()) {
            return invalid(ErrorCode.INVALID_PROPERTY_NAME, "a property name cannot be empty");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return invalid(ErrorCode.INVALID_PROPERTY_NAME,
                    "a property name is at most " + MAX_NAME_LENGTH + " characters: " + name.substring(0, 32) + "...");
        }
        if (name.indexOf('.') >= 0) {
            return invalid(ErrorCode.INVALID_PROPERTY_NAME, "a property name cannot contain '.': " + name);
        }
        if (name.startsWith("$")) {
            return invalid(ErrorCode.INVALID_PROPERTY_NAME, "a property name cannot start with '$': " + name);
        }
        return Optional.empty();
    }

    private static Optional<EventError> invalid(ErrorCode code, String message) {
        return Optional.of(new EventError(code, message));
    }
}
