package th.tambon.schools.designation.model;

import th.tambon.service.Step;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A school's quality-school designation (โรงเรียนคุณภาพประจำตำบล): NOMINATED → DESIGNATED → ACTIVE → WITHDRAWN, each
 * step with its date; withdrawal may also end a nomination or a designation that never became active. The school is
 * an active quality school on date D when {@code activeFrom <= D} and ({@code withdrawnOn} is null or
 * {@code D < withdrawnOn}). A withdrawn designation is history: a school nominated again gets a new one.
 */
public record Designation(UUID id, String school, String esa, String tambonCode, DesignationStatus status,
                          LocalDate nominatedOn, LocalDate designatedOn, LocalDate activeFrom, LocalDate withdrawnOn) {

    public Designation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nominatedOn, "nominatedOn");
    }

    /**
     * A new nomination of the school on that date. {@code previousWithdrawal} is when the school's latest earlier
     * designation was withdrawn (null when it has none): a new one cannot begin inside the old one's time.
     */
    public static Step<Designation> nominate(UUID id, String school, String esa, String tambonCode, LocalDate on,
                                             LocalDate today, LocalDate previousWithdrawal) {
        if (on.isAfter(today)) {
            return Step.refused("on", "a nomination cannot be dated after today (" + today + ")");
        }
        if (startsBefore(on, previousWithdrawal)) {
            return Step.refused("on", insidePrevious(school, previousWithdrawal));
        }
        return Step.to(new Designation(id, school, esa, tambonCode, DesignationStatus.NOMINATED, on, null, null, null));
    }

    /**
     * A designation already in force, recorded with its historical dates (importing what happened before Tambon):
     * nominated, designated and active from the dates given, each not before the one before it, none after today,
     * and none before the withdrawal of the school's earlier designation ({@code previousWithdrawal}, null if none).
     */
    public static Step<Designation> inForce(UUID id, String school, String esa, String tambonCode, LocalDate nominatedOn,
                                            LocalDate designatedOn, LocalDate activeFrom, LocalDate today,
                                            LocalDate previousWithdrawal) {
        if (designatedOn.isBefore(nominatedOn)) {
            return Step.refused("designatedOn", "cannot be before nominatedOn (" + nominatedOn + ")");
        }
        if (activeFrom.isBefore(designatedOn)) {
            return Step.refused("activeFrom", "cannot be before designatedOn (" + designatedOn + ")");
        }
        if (activeFrom.isAfter(today)) {
            return Step.refused("activeFrom", "cannot be after today (" + today + ")");
        }
        // designatedOn first: nominatedOn defaults to it, so a client that sent only designatedOn hears of that one
        if (startsBefore(designatedOn, previousWithdrawal)) {
            return Step.refused("designatedOn", insidePrevious(school, previousWithdrawal));
        }
        if (startsBefore(nominatedOn, previousWithdrawal)) {
            return Step.refused("nominatedOn", insidePrevious(school, previousWithdrawal));
        }
        return Step.to(new Designation(id, school, esa, tambonCode, DesignationStatus.ACTIVE, nominatedOn, designatedOn,
                activeFrom, null));
    }

    /** This designation taken to {@code next} on that date, or why it cannot be. */
    public Step<Designation> advance(DesignationStatus next, LocalDate on, String reason, LocalDate today) {
        if (!status.mayBecome(next)) {
            return Step.illegal("status", "a designation that is " + status + " cannot become " + next
                    + (status.next().isEmpty() ? "" : "; it can become " + status.next()));
        }
        if (next == DesignationStatus.WITHDRAWN && (reason == null || reason.isBlank())) {
            return Step.refused("reason", "a withdrawal needs its reason");
        }
        LocalDate previous = lastStepOn();
        if (on.isBefore(previous)) {
            return Step.refused("on", "cannot be before the previous step's date (" + previous + ")");
        }
        if (on.isAfter(today)) {
            return Step.refused("on", "cannot be after today (" + today + ")");
        }
        return Step.to(switch (next) {
            case DESIGNATED -> new Designation(id, school, esa, tambonCode, next, nominatedOn, on, null, null);
            case ACTIVE -> new Designation(id, school, esa, tambonCode, next, nominatedOn, designatedOn, on, null);
            case WITHDRAWN -> new Designation(id, school, esa, tambonCode, next, nominatedOn, designatedOn, activeFrom, on);
            case NOMINATED -> throw new IllegalStateException("nothing becomes NOMINATED again");
        });
    }

    private static boolean startsBefore(LocalDate start, LocalDate previousWithdrawal) {
        return previousWithdrawal != null && start.isBefore(previousWithdrawal);
    }

    private static String insidePrevious(String school, LocalDate previousWithdrawal) {
        return "school " + school + "'s previous designation was withdrawn on " + previousWithdrawal
                + ": a new one cannot begin before that";
    }

    /** Whether the school was an active quality school on that date. */
    public boolean activeOn(LocalDate date) {
        return activeFrom != null && !activeFrom.isAfter(date) && (withdrawnOn == null || date.isBefore(withdrawnOn));
    }

    /** The date of the latest step taken. */
    public LocalDate lastStepOn() {
        return withdrawnOn != null ? withdrawnOn : activeFrom != null ? activeFrom
                : designatedOn != null ? designatedOn : nominatedOn;
    }
}
