package io.cairn.core.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A language datasets are defined in, e.g. Keen's. The dialect that speaks it registers it with {@link
 * DatasetService#register}; the service compiles definitions when they are saved and whenever it refreshes them.
 * Implementations are thread-safe.
 */
public interface DatasetLanguage {

    /** The language's id, stored with each dataset, e.g. {@code keen}. */
    String id();

    /**
     * The dataset {@code definition} describes, indexed by {@code indexBy}.
     *
     * @throws io.cairn.core.error.InvalidRequestException naming the problem when it is not a valid dataset
     */
    DatasetQuery compile(JsonNode definition, List<String> indexBy);
}
