package th.tambon.events;

import io.micronaut.runtime.Micronaut;

/** events-service: activities and their outcomes; keeps a replica of ESAs and schools from schools.v1. */
public final class EventsApplication {
    private EventsApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(EventsApplication.class, args);
    }
}
