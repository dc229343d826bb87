package th.tambon.schools;

import io.micronaut.runtime.Micronaut;

/** schools-service: ESAs, schools, quality-school designations, networks and development plans. */
public final class SchoolsApplication {
    private SchoolsApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(SchoolsApplication.class, args);
    }
}
