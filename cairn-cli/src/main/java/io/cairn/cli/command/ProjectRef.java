package io.cairn.cli.command;

import io.cairn.client.Cairn;
import io.cairn.client.model.Project;

/** Commands accept a project by id or by name; names are what people remember. */
final class ProjectRef {

    private ProjectRef() {}

    static Project resolve(Cairn cairn, String idOrName) {
        return cairn.admin().listProjects().stream()
                .filter(project -> project.id().equals(idOrName) || project.name().equals(idOrName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no project with id or name " + idOrName));
    }
}
