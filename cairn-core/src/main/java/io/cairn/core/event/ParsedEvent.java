package io.cairn.core.event;

import static java.util.Objects.requireNonNull;

/** One event as read from a request: valid and flattened, or refused with the reason. */
public sealed interface ParsedEvent {

    record Valid(FlatEvent event) implements ParsedEvent {
        public Valid {
            requireNonNull(event, "event is null");
        }
    }

    record Invalid(EventError error) implements ParsedEvent {
        public Invalid {
            requireNonNull(error, "error is null");
        }
    }
}
