package th.tambon.security;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ActorTest {
    private static final Actor OBEC = new Actor("obec", Set.of(Role.OBEC_ADMIN), null, null);
    private static final Actor OFFICER_P31_4 = new Actor("o", Set.of(Role.ESA_OFFICER), "P31-4", null);
    private static final Actor DIRECTOR = new Actor("d", Set.of(Role.SCHOOL_DIRECTOR), null, "31040001");
    private static final Actor VIEWER = new Actor("v", Set.of(Role.VIEWER), null, null);

    @Test
    void obec_may_write_within_every_esa() {
        assertThat(OBEC.mayWriteWithinEsa("P31-4")).isTrue();
        assertThat(OBEC.mayWriteWithinEsa("P51-1")).isTrue();
    }

    @Test
    void an_officer_may_write_within_its_own_esa_only() {
        assertThat(OFFICER_P31_4.mayWriteWithinEsa("P31-4")).isTrue();
        assertThat(OFFICER_P31_4.mayWriteWithinEsa("P51-1")).isFalse();
        assertThat(OFFICER_P31_4.mayWriteForSchool("P51-1", "51010001")).isFalse();
    }

    @Test
    void an_officer_without_an_esa_claim_may_write_nowhere() {
        Actor unscoped = new Actor("o", Set.of(Role.ESA_OFFICER), null, null);

        assertThat(unscoped.mayWriteWithinEsa("P31-4")).isFalse();
    }

    @Test
    void a_director_may_write_for_its_own_school_only_and_not_for_its_esa() {
        assertThat(DIRECTOR.mayWriteForSchool("P31-4", "31040001")).isTrue();
        assertThat(DIRECTOR.mayWriteForSchool("P31-4", "31040002")).isFalse();
        assertThat(DIRECTOR.mayWriteWithinEsa("P31-4")).isFalse();
    }

    @Test
    void a_viewer_may_write_nothing() {
        assertThat(VIEWER.mayWriteWithinEsa("P31-4")).isFalse();
        assertThat(VIEWER.mayWriteForSchool("P31-4", "31040001")).isFalse();
    }
}
