package io.cairn.core.event;

import com.fasterxml.jackson.core.JsonFactory;
import io.cairn.core.CairnCore;
import io.cairn.core.CoreConfig;
import io.cairn.core.model.DataSize;
import io.cairn.core.model.ProjectId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Helpers for event tests: a core on a temp directory and batches written as JSON text. */
final class EventTesting {

    private static final EventParser PARSER = new EventParser(new JsonFactory());

    private EventTesting() {}

    static CairnCore open(Path dataDir) {
        CoreConfig defaults = CoreConfig.defaults();
        return CairnCore.open(defaults.withStorage(defaults.storage().withDataDir(dataDir)
                .withMemory(DataSize.ofMegabytes(256))));
    }

    static ProjectId newProject(CairnCore core, String name) {
        return core.projects().createProject(name).project().id();
    }

    static ParsedEvent event(String json) {
        try {
            return PARSER.readOne(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static IngestBatch batch(String collection, String... events) {
        List<ParsedEvent> parsed = new ArrayList<>();
        for (String json : events) {
            parsed.add(event(json));
        }
        return new IngestBatch(List.of(new IngestBatch.CollectionEvents(collection, parsed)), Optional.empty());
    }

    static long count(CairnCore core, ProjectId project, String collection, String where) {
        CollectionSchema schema = core.events().getCollection(project, collection);
        return core.events().store(project).read(s -> s.query("SELECT count(*) FROM \"" + schema.table() + "\" WHERE "
                + where, List.of(), r -> r.longValue(1))).getFirst();
    }

    /** The SQL column of a property path of a given type. */
    static String column(CairnCore core, ProjectId project, String collection, String path, PropertyType type) {
        return "\"" + core.events().getCollection(project, collection).column(path, type).orElseThrow().column()
                + "\"";
    }
}
