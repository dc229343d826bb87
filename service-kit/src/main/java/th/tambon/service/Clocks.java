package th.tambon.service;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The service's one clock. Every timestamp it records and every "today" it judges by ({@link Bangkok#today}) is read
 * from this bean, so that a test can replace it and try a boundary (midnight in Bangkok is 17:00 UTC the day before).
 */
@Factory
public class Clocks {

    @Singleton
    public Clock clock() {
        return Clock.systemUTC();
    }
}
