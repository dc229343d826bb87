package th.tambon.contracts.events;

import th.tambon.contracts.EventData;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An outstanding work (ผลงานดีเด่น) presented at an ESA's activity was recorded, selected or not selected by the ESA, or
 * forwarded to OBEC. Carries the work's whole state after the change. Key: the work's id; {@code version} is the
 * work's own (1 when presented, 2 when first decided, one more with each change) and only grows for that key.
 *
 * @param work              the work's id (a UUID)
 * @param activity          the id of the activity it was presented at
 * @param esa               the activity's ESA, which selects and forwards it
 * @param school            SMIS code of the school it comes from, a school of that ESA
 * @param title             its title, in Thai
 * @param track             INNOVATION, OCCUPATION, QUALITY_CLASSROOM, ENVIRONMENT or ITA
 * @param presenterCategory ADMINISTRATOR, TEACHER, STAFF or STUDENT
 * @param presenter         who presented it (a name), or null
 * @param status            PRESENTED, SELECTED, NOT_SELECTED or FORWARDED
 * @param note              the ESA's note on its decision, or null
 * @param forwarding        the batch that forwarded it to OBEC, once FORWARDED; else null
 */
public record WorkChanged(
        String work,
        String activity,
        String esa,
        String school,
        String title,
        String track,
        String presenterCategory,
        String presenter,
        String status,
        String note,
        Forwarding forwarding,
        Instant changedAt,
        long version) implements EventData {

    @Override
    public String key() {
        return work;
    }

    /**
     * The letter an ESA forwarded selected works to OBEC with.
     *
     * @param forwarding  the forwarding's id (a UUID), shared by every work of the batch
     * @param documentRef the letter's number, e.g. ศธ 04142/1234
     * @param sentOn      the day the letter was sent
     * @param forwardedAt when the forwarding was recorded
     */
    public record Forwarding(String forwarding, String documentRef, LocalDate sentOn, Instant forwardedAt) {
    }
}
