package io.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorRenderersTest {

    private final ErrorRenderer keen = (error, requestId, ctx) -> { };
    private final ErrorRenderer tempo = (error, requestId, ctx) -> { };
    private final ErrorRenderers renderers = new ErrorRenderers().add("/3.0", keen).add("/v1", tempo);

    @Test
    void aPathGetsTheRendererOfTheRootItIsUnder() {
        assertThat(renderers.forPath("/3.0/projects/p/events/c")).isSameAs(keen);
        assertThat(renderers.forPath("/3.0")).isSameAs(keen);
        assertThat(renderers.forPath("/v1/series/")).isSameAs(tempo);
    }

    @Test
    void repeatedSlashesCountAsOneAsForRouting() {
        assertThat(renderers.forPath("//3.0//projects/p/events")).isSameAs(keen);
    }

    @Test
    void aPathUnderNoRootOrOnlySharingItsFirstCharactersGetsProblemDetails() {
        assertThat(renderers.forPath("/3.01/projects")).isSameAs(ProblemDetails.INSTANCE);
        assertThat(renderers.forPath("/v10")).isSameAs(ProblemDetails.INSTANCE);
        assertThat(renderers.forPath("/nowhere")).isSameAs(ProblemDetails.INSTANCE);
        assertThat(renderers.forPath("/")).isSameAs(ProblemDetails.INSTANCE);
    }
}
