package io.cairn.core.project;

import io.cairn.core.error.InvalidRequestException;
import java.util.regex.Pattern;

/** The rule for project names: a slug of lowercase letters, digits and hyphens, 1 to 63 characters. */
public final class ProjectName {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private ProjectName() {}

    public static boolean isValid(String name) {
        return name != null && SLUG.matcher(name).matches();
    }

    /** Returns {@code name} when valid, else throws an {@link InvalidRequestException} naming the field. */
    public static String require(String name) {
        if (name == null) {
            throw InvalidRequestException.missing("name");
        }
        if (!isValid(name)) {
            throw InvalidRequestException.field("name",
                    "name must be 1-63 characters of lowercase letters, digits and hyphens, starting with a letter or"
                            + " digit");
        }
        return name;
    }
}
