package th.tambon.events.activity.infrastructure;

import jakarta.inject.Singleton;
import th.tambon.events.activity.model.Activity;
import th.tambon.events.activity.model.ActivityDetails;
import th.tambon.events.activity.model.ActivityState;
import th.tambon.events.activity.model.ActivityType;
import th.tambon.events.activity.model.Funding;
import th.tambon.events.activity.model.Track;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** Activities as the rest of the service sees them, stored as {@code activity} rows. */
@Singleton
public class Activities {
    private final ActivityRepository rows;

    public Activities(ActivityRepository rows) {
        this.rows = rows;
    }

    public Optional<Activity> find(UUID id) {
        return rows.findById(id).map(Activities::activity);
    }

    /** The activity, its row locked until the transaction ends: two changes of one activity take turns. */
    public Optional<Activity> findForChange(UUID id) {
        return rows.lock(id).map(Activities::activity);
    }

    /** The ESA's activity of that ref, read after taking the ref's lock: a concurrent draft of it has committed. */
    public Optional<Activity> findByRefForDraft(String esa, String ref) {
        rows.lockRef(esa, ref);
        return findByRef(esa, ref);
    }

    public Optional<Activity> findByRef(String esa, String ref) {
        return rows.findByEsaAndRef(esa, ref).map(Activities::activity);
    }

    public void insert(Activity activity, Instant at) {
        rows.save(row(activity, at));
    }

    /** Stores a changed activity read with {@link #findForChange}. */
    public void update(Activity activity, Instant at) {
        rows.update(row(activity, at));
    }

    public static Activity activity(ActivityRow row) {
        Funding funding = row.costEstimate() == null ? null
                : new Funding(row.fundingFiscalYear(), row.fundingRound(), row.fundingLine(), row.costEstimate());
        ActivityDetails details = new ActivityDetails(ActivityType.valueOf(row.type()), row.titleTh(),
                Arrays.stream(row.tracks()).map(Track::valueOf).toList(), row.venueSchool(), row.venue(),
                row.organiser(), row.chair(), row.chairTitle(),
                row.startAt().atOffset(ZoneOffset.of(row.startOffset())),
                row.endAt().atOffset(ZoneOffset.of(row.endOffset())), Arrays.asList(row.agenda()), funding);
        return new Activity(row.id(), row.esa(), row.ref(), details, row.academicYear(),
                ActivityState.valueOf(row.state()), row.stateReason(), row.actualCost(), row.fundsCommitted(),
                row.version());
    }

    private static ActivityRow row(Activity activity, Instant updatedAt) {
        ActivityDetails d = activity.details();
        Funding f = d.funding();
        return new ActivityRow(activity.id(), activity.esa(), activity.ref(), d.type().name(), d.titleTh(),
                d.tracks().stream().map(Enum::name).toArray(String[]::new), d.venueSchool(), d.venue(),
                d.organiser(), d.chair(), d.chairTitle(), d.start().toInstant(), d.start().getOffset().getId(),
                d.end().toInstant(), d.end().getOffset().getId(), activity.startsOn(), activity.academicYear(),
                d.agenda().toArray(String[]::new), f == null ? null : f.fiscalYear(), f == null ? null : f.round(),
                f == null ? null : f.line(), f == null ? null : f.estimate(), activity.actualCost(),
                activity.fundsCommitted(), activity.state().name(), activity.reason(), updatedAt,
                activity.version());
    }
}
