package org.holidaydesk.assistant.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Operator write actions need the exact bearer token; without a configured token nothing is allowed. */
class OperatorTokenFilterTest {

    private final OperatorTokenFilter filter = new OperatorTokenFilter("s3cret-operator-token");

    @Test
    void acceptsTheConfiguredBearerToken() {
        assertThat(filter.authorized("Bearer s3cret-operator-token")).isTrue();
    }

    @Test
    void refusesAnotherTokenAPrefixOrAnotherScheme() {
        assertThat(filter.authorized("Bearer s3cret-operator-toke")).isFalse();
        assertThat(filter.authorized("Bearer s3cret-operator-token-and-more")).isFalse();
        assertThat(filter.authorized("Basic s3cret-operator-token")).isFalse();
        assertThat(filter.authorized("s3cret-operator-token")).isFalse();
        assertThat(filter.authorized(null)).isFalse();
    }

    @Test
    void refusesEverythingWhenNoTokenIsConfigured() {
        OperatorTokenFilter unset = new OperatorTokenFilter("");

        assertThat(unset.authorized("Bearer ")).isFalse();
        assertThat(unset.authorized("Bearer anything")).isFalse();
    }
}
