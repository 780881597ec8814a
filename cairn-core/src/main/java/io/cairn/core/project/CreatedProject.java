package io.cairn.core.project;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A project just created, with the keys issued for it (one master, one write, one read). */
public record CreatedProject(Project project, List<IssuedKey> keys) {

    public CreatedProject {
        requireNonNull(project, "project is null");
        keys = List.copyOf(keys);
    }
}
