package th.tambon.schools.plan.model;

import java.util.Objects;

/** What a school means to achieve in one track this year ({@code goal}) and how it will tell ({@code indicator}). */
public record Target(Track track, String goal, String indicator) {
    public Target {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(goal, "goal");
    }
}
