package th.tambon.schools.school.model;

import org.junit.jupiter.api.Test;
import th.tambon.schools.designation.model.QualityStatus;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SchoolTest {
    private static final Instant REGISTERED = Instant.parse("2020-07-01T02:00:00Z");
    private static final School HUA_FAI = new School("31040001", "โรงเรียนบ้านหัวฝาย", null, "P31-4", "บุรีรัมย์",
            "แคนดง", "หัวฝาย", "312104", "ดร.จำปา จันทะสอน", null, null, QualityStatus.NONE, REGISTERED, null, 1);

    @Test
    void a_tambon_belongs_under_an_esa_only_when_its_code_starts_with_the_esas_province_code() {
        assertThat(School.tambonOutsideProvince("312104", "P31-4", "31")).isEmpty();
        assertThat(School.tambonOutsideProvince("312104", "P51-1", "51")).get().asString()
                .isEqualTo("tambon 312104 is not in province 51 that P51-1 serves: its first two digits must be 51");
    }

    @Test
    void an_update_that_changes_nothing_is_the_same_school_at_the_same_version() {
        School same = HUA_FAI.with(HUA_FAI.details(), REGISTERED.plusSeconds(60));

        assertThat(same).isSameAs(HUA_FAI);
    }

    @Test
    void an_update_takes_the_new_details_counts_a_version_and_keeps_code_esa_and_tambon_code() {
        var details = new School.Details("โรงเรียนบ้านหัวฝาย", "Ban Hua Fai School", "บุรีรัมย์", "แคนดง", "หัวฝาย",
                "ดร.จำปา จันทะสอน", 212, 14);

        School changed = HUA_FAI.with(details, REGISTERED.plusSeconds(60));

        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.students()).isEqualTo(212);
        assertThat(changed.nameEn()).isEqualTo("Ban Hua Fai School");
        assertThat(changed.updatedAt()).isEqualTo(REGISTERED.plusSeconds(60));
        assertThat(changed.code()).isEqualTo("31040001");
        assertThat(changed.esa()).isEqualTo("P31-4");
        assertThat(changed.tambonCode()).isEqualTo("312104");
    }
}
