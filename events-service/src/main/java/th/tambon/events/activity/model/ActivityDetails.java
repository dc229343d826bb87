package th.tambon.events.activity.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What an ESA says about an activity, as opposed to where it is in its life: what, where, when, who chairs it, its
 * agenda and its funding.
 *
 * @param venueSchool SMIS code of the school it is held at (a school of the activity's ESA), or null
 * @param venue       where, in words, or null; at least one of the two
 * @param funding     the line and estimate to plan it on, or null when it needs no funding
 */
public record ActivityDetails(ActivityType type, String titleTh, List<Track> tracks, String venueSchool, String venue,
                              String organiser, String chair, String chairTitle, OffsetDateTime start,
                              OffsetDateTime end, List<String> agenda, Funding funding) {
    public ActivityDetails {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(titleTh, "titleTh");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        tracks = tracks.stream().distinct().sorted().toList();
        agenda = List.copyOf(agenda);
    }

    /** Whether these details say the same as {@code other}: the same instants and baht, however written. */
    public boolean sameAs(ActivityDetails other) {
        return type == other.type && titleTh.equals(other.titleTh) && tracks.equals(other.tracks)
                && Objects.equals(venueSchool, other.venueSchool) && Objects.equals(venue, other.venue)
                && Objects.equals(organiser, other.organiser) && Objects.equals(chair, other.chair)
                && Objects.equals(chairTitle, other.chairTitle) && start.isEqual(other.start)
                && start.getOffset().equals(other.start.getOffset()) && end.isEqual(other.end)
                && end.getOffset().equals(other.end.getOffset()) && agenda.equals(other.agenda)
                && (funding == null ? other.funding == null : funding.sameAs(other.funding));
    }
}
