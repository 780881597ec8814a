package io.cairn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.client.Cairn;
import io.cairn.client.EventsClient;
import io.cairn.client.ScopedKeys;
import io.cairn.client.error.NotFoundException;
import io.cairn.client.error.UnauthorizedException;
import io.cairn.client.model.AccessKey;
import io.cairn.client.model.AccessKeySpec;
import io.cairn.client.model.AccessPermission;
import io.cairn.client.model.Filter;
import io.cairn.client.model.SaveResult;
import io.cairn.client.model.SavedQueryResult;
import io.cairn.client.model.SavedQuerySpec;
import io.cairn.core.project.CreatedProject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SDK's access keys, scoped keys and saved queries against the real server: what a key may do is enforced. */
class SdkKeysAndSavedQueriesIT {

    @RegisterExtension
    static final CairnExtension server = new CairnExtension();

    private static String projectId;
    private static String masterKey;
    private static EventsClient master;

    @BeforeAll
    static void load() {
        CreatedProject project = server.newProject();
        projectId = project.project().id().value();
        masterKey = project.keys().getFirst().secret();
        master = server.sdk(projectId, masterKey).events();
        master.addAll(Map.of("purchases", List.of(
                Map.of("user", "a", "country", "FR", "price", 10),
                Map.of("user", "b", "country", "FR", "price", 20),
                Map.of("user", "c", "country", "US", "price", 30))));
    }

    private static EventsClient as(String key) {
        return server.sdk(projectId, key).events();
    }

    @Test
    void anAccessKeyIsCreatedReadRevokedAndDeletedAndItsFiltersApplyToEveryQuery() {
        AccessKey created = master.accessKeys().create(AccessKeySpec.of("french analyst")
                .withPermitted(AccessPermission.QUERIES).withQueryFilters(Filter.eq("country", "FR")));
        EventsClient analyst = as(created.key());

        assertThat(analyst.count("purchases").run().value()).isEqualTo(2L);
        assertThat(analyst.sum("purchases", "price").run().value()).isEqualTo(30.0);
        assertThatThrownBy(() -> analyst.add("purchases", Map.of("user", "z")))
                .isInstanceOf(UnauthorizedException.class);

        assertThat(master.accessKeys().get(created.key()).name()).isEqualTo("french analyst");
        assertThat(master.accessKeys().list()).extracting(AccessKey::key).contains(created.key());

        assertThat(master.accessKeys().revoke(created.key()).active()).isFalse();
        assertThatThrownBy(() -> analyst.count("purchases").run()).isInstanceOf(UnauthorizedException.class);
        assertThat(master.accessKeys().unrevoke(created.key()).active()).isTrue();
        assertThat(analyst.count("purchases").run().value()).isEqualTo(2L);

        AccessKey widened = master.accessKeys().update(created.key(), created.spec().withName("any analyst")
                .withOptions(Map.of()));
        assertThat(widened.name()).isEqualTo("any analyst");
        assertThat(analyst.count("purchases").run().value()).isEqualTo(3L);

        master.accessKeys().delete(created.key());
        assertThatThrownBy(() -> master.accessKeys().get(created.key())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> analyst.count("purchases").run()).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void aScopedKeyMadeByTheSdkReadsOnlyWhatItsFiltersAllow() {
        String scoped = ScopedKeys.encrypt(masterKey, Map.of("allowed_operations", List.of("read"),
                "filters", List.of(Map.of("property_name", "country", "operator", "eq", "property_value", "US"))));
        EventsClient reader = as(scoped);

        assertThat(reader.count("purchases").run().value()).isEqualTo(1L);
        assertThat(reader.selectUnique("purchases", "user").run().value()).containsExactly("c");
        assertThatThrownBy(() -> reader.add("purchases", Map.of("user", "z")))
                .isInstanceOf(UnauthorizedException.class);
        assertThat(ScopedKeys.decrypt(masterKey, scoped)).containsEntry("allowed_operations", List.of("read"));

        String foreign = ScopedKeys.encrypt("0".repeat(64), Map.of("allowed_operations", List.of("read")));
        assertThatThrownBy(() -> as(foreign).count("purchases").run()).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void aSavedQueryIsCreatedReplacedAndAnsweredLiveOrFromTheCache() {
        SaveResult first = master.savedQueries().save("fr-count",
                master.count("purchases").filter(Filter.eq("country", "FR")));
        assertThat(first.created()).isTrue();
        assertThat(master.savedQueries().result("fr-count").analysisResult().value()).isEqualTo(2L);

        SaveResult replaced = master.savedQueries().save("fr-count", SavedQuerySpec.of(
                master.count("purchases").filter(Filter.eq("country", "US")).definition())
                .withRefreshRate(Duration.ofHours(4)).withMetadata(Map.of("display_name", "US purchases")));
        assertThat(replaced.created()).isFalse();
        assertThat(master.savedQueries().get("fr-count").refreshRate()).isEqualTo(Duration.ofHours(4));
        assertThat(master.savedQueries().get("fr-count").metadata()).containsEntry("display_name", "US purchases");

        SavedQueryResult cached = master.savedQueries().result("fr-count");
        assertThat(cached.analysisResult().value()).isEqualTo(1L);
        assertThat(cached.age()).isPresent();
        assertThat(master.savedQueries().list()).extracting(saved -> saved.name()).contains("fr-count");

        master.savedQueries().delete("fr-count");
        assertThatThrownBy(() -> master.savedQueries().get("fr-count")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aKeyWithoutSavedQueriesPermissionCannotReadThem() {
        master.savedQueries().save("all", master.count("purchases"));
        AccessKey writer = master.accessKeys().create(AccessKeySpec.of("writer")
                .withPermitted(AccessPermission.WRITES));
        Cairn client = server.sdk(projectId, writer.key());
        assertThatThrownBy(() -> client.events().savedQueries().result("all"))
                .isInstanceOf(UnauthorizedException.class);
    }
}
