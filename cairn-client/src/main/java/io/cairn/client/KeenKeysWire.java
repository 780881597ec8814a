package io.cairn.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.client.model.AccessKey;
import io.cairn.client.model.AccessKeySpec;
import io.cairn.client.model.AccessPermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keen's access key JSON ({@code /keys}): the body of a create or an update, and the key object every answer holds.
 * The readers throw {@link NullPointerException} or {@link IllegalArgumentException} on an object they cannot
 * accept, which the transport reports as an unreadable answer.
 */
final class KeenKeysWire {

    private KeenKeysWire() {}

    /** What create and update send: the whole spec. */
    record KeyBody(String name, @JsonProperty("is_active") boolean active, List<String> permitted, Object options) {

        static KeyBody of(AccessKeySpec spec) {
            return new KeyBody(spec.name(), spec.active(),
                    spec.permitted().stream().map(AccessPermission::wireName).toList(),
                    KeenWire.json(spec.options(), "options"));
        }
    }

    /** A key object; Keen's clients need the first five fields, the dates are Cairn's. */
    record KeyJson(String key, String name, @JsonProperty("is_active") Boolean active, List<String> permitted,
            JsonNode options, @JsonProperty("created_date") String createdDate,
            @JsonProperty("last_modified_date") String lastModifiedDate) {

        AccessKey toModel() {
            if (key == null || name == null) {
                throw new IllegalArgumentException("an access key needs a key and a name");
            }
            List<AccessPermission> permissions = new ArrayList<>();
            for (String permission : permitted == null ? List.<String>of() : permitted) {
                permissions.add(AccessPermission.fromWireName(permission)
                        .orElseThrow(() -> new IllegalArgumentException("unknown permission " + permission)));
            }
            Map<String, Object> optionValues = options == null || options.isNull() ? Map.of()
                    : KeenWire.objectValue(options, "options");
            AccessKeySpec spec = new AccessKeySpec(name, active == null || active, Set.copyOf(permissions),
                    optionValues);
            return new AccessKey(key, spec, KeenWire.instant(createdDate), KeenWire.instant(lastModifiedDate));
        }

        static List<AccessKey> toModels(KeyJson[] keys) {
            return Arrays.stream(keys).map(KeyJson::toModel).toList();
        }
    }
}
