package th.tambon.schools.school.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchKeyTest {

    @Test
    void a_search_typed_without_tone_marks_finds_the_name_written_with_them() {
        assertThat(SearchKey.of("โรงเรียนบ้านหัวฝาย", null)).contains(SearchKey.fold("บานหัวฝาย"));
        assertThat(SearchKey.of("โรงเรียนบ้านหัวฝาย", null)).contains(SearchKey.fold("บ้านหัวฝาย"));
    }

    @Test
    void vowels_still_count_so_a_different_word_is_not_found() {
        assertThat(SearchKey.of("โรงเรียนบ้านหัวฝาย", null)).doesNotContain(SearchKey.fold("หวฝาย"));
    }

    @Test
    void english_names_are_found_whatever_the_letter_case() {
        assertThat(SearchKey.of("โรงเรียนบ้านหัวฝาย", "Ban Hua Fai School")).contains(SearchKey.fold("BAN HUA"));
    }

    @Test
    void zero_width_spaces_repeated_spaces_and_the_two_ways_of_typing_sara_am_do_not_count() {
        assertThat(SearchKey.fold("บ้าน\u200Bหัว  ฝาย")).isEqualTo(SearchKey.fold("บ้านหัว ฝาย"));
        assertThat(SearchKey.fold("ลําพูน")).isEqualTo(SearchKey.fold("ลำพูน"));
    }

    @Test
    void the_thai_and_english_names_are_searched_together_and_a_missing_one_is_skipped() {
        assertThat(SearchKey.of("โรงเรียนบ้านหัวฝาย", null)).isEqualTo(SearchKey.fold("โรงเรียนบ้านหัวฝาย"));
        assertThat(SearchKey.of("ก", "B")).isEqualTo("ก b");
    }
}
