package io.cairn.core.series;

import java.util.Map;

/**
 * What a write stored: how many points, and for each point that was refused (a series id that does not exist), its
 * index in the batch and why. The other points are stored.
 */
public record WriteReport(int written, Map<Integer, String> refused) {

    public WriteReport {
        refused = Map.copyOf(refused);
    }
}
