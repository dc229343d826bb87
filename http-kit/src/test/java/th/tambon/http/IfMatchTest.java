package th.tambon.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** If-Match as RFC 9110 §13.1.1 evaluates it, against a resource that exists at version 3. */
class IfMatchTest {

    @Test
    void the_current_strong_tag_matches_and_any_other_does_not() {
        assertThat(IfMatch.parse("\"3\"").matches(3)).isTrue();
        assertThat(IfMatch.parse("\"2\"").matches(3)).isFalse();
        assertThat(IfMatch.parse("\"03\"").matches(3)).as("tags compare as strings").isFalse();
        assertThat(IfMatch.parse("\"three\"").matches(3)).as("well-formed, just not ours").isFalse();
    }

    @Test
    void a_weak_tag_never_matches_even_the_current_version() {
        IfMatch weak = IfMatch.parse("W/\"3\"");

        assertThat(weak.matches(3)).isFalse();
        assertThat(weak.weaklyNames(3)).isTrue();
        assertThat(IfMatch.parse("\"3\"").weaklyNames(3)).isFalse();
    }

    @Test
    void a_list_matches_when_one_of_its_strong_tags_does_in_one_line_or_several() {
        assertThat(IfMatch.parse("\"1\", \"3\"").matches(3)).isTrue();
        assertThat(IfMatch.parse("\"1\",\"2\"").matches(3)).isFalse();
        assertThat(IfMatch.parse("W/\"3\", \"4\"").matches(3)).isFalse();
        assertThat(IfMatch.parse(" , \"1\" ,, \"3\" ").matches(3)).as("empty list elements are ignored").isTrue();
        assertThat(IfMatch.parse(List.of("\"1\"", "\"3\"")).matches(3)).as("two field lines are one list").isTrue();
        assertThat(IfMatch.parse("\"a,b\", \"3\"").matches(3)).as("a comma inside a tag is part of it").isTrue();
    }

    @Test
    void a_star_matches_any_version_of_what_exists_and_an_absent_header_is_no_precondition() {
        assertThat(IfMatch.parse("*").matches(3)).isTrue();
        assertThat(IfMatch.parse("*").present()).isTrue();
        assertThat(IfMatch.parse((String) null).present()).isFalse();
        assertThat(IfMatch.parse("  ").present()).isFalse();
        assertThat(IfMatch.absent().matches(3)).isTrue();
    }

    @Test
    void only_a_list_of_tags_names_versions_a_star_or_an_absent_header_names_none() {
        assertThat(IfMatch.parse("\"3\"").namesTags()).isTrue();
        assertThat(IfMatch.parse("W/\"3\", \"4\"").namesTags()).isTrue();
        assertThat(IfMatch.parse("*").namesTags()).isFalse();
        assertThat(IfMatch.absent().namesTags()).isFalse();
    }

    @Test
    void anything_but_a_star_or_a_list_of_quoted_tags_is_a_422_naming_if_match() {
        for (String malformed : List.of("3", "\"3", "3\"", "\"3\" \"4\"", "w/\"3\"", "W/3", "*, \"3\"", "\"3\"x",
                "\"a\"b\"", "\"caf\u00e9 \u0e01\"")) {
            assertThatThrownBy(() -> IfMatch.parse(malformed)).as(malformed)
                    .isInstanceOfSatisfying(ApiProblemException.class, problem -> {
                        assertThat(problem.status().getCode()).isEqualTo(422);
                        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("If-Match");
                    });
        }
    }
}
