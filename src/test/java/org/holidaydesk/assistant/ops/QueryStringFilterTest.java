package org.holidaydesk.assistant.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryStringFilterTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "x=1",
                "hub.mode=subscribe&hub.verify_token=t&hub.challenge=123",
                "note=%E2%82%AC+and%20more",
                "name=Ren%C3%A9e&city=K%c3%b6ln",
                "empty=&flag",
                "emoji=%F0%9F%8F%A0"
            })
    void wellFormedQueriesDecode(String query) {
        assertThat(QueryStringFilter.decodes(query)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "x=%",
                "x=%4",
                "x=%ZZ",
                "x=%G1",
                "x=%FF",
                "x=%C3%28",
                "x=%E2%82",
                "x=%C3&y=%A9",
                "x=%ED%A0%80",
                "x=%C0%AF"
            })
    void brokenEscapesOrBytesThatAreNotUtf8DoNot(String query) {
        assertThat(QueryStringFilter.decodes(query)).isFalse();
    }
}
