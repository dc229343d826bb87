package th.tambon.events.work.model;

import th.tambon.service.Step;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A letter with which an ESA forwards its selected works to OBEC in one batch: the letter's number (ศธ 04142/1234),
 * the day it was sent, and the works, in the order the ESA listed them.
 */
public record Forwarding(UUID id, String esa, String documentRef, LocalDate sentOn, List<UUID> works) {
    public Forwarding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(esa, "esa");
        Objects.requireNonNull(documentRef, "documentRef");
        Objects.requireNonNull(sentOn, "sentOn");
        works = List.copyOf(works);
    }

    /**
     * The works of the batch as they are once forwarded, or the first one that stops the whole batch, named by its
     * place in the list ({@code works[2]}): a work listed twice, unknown or of another ESA (refused, 422), not
     * SELECTED or forwarded already (illegal, 409). A letter is not sent after today. All or nothing.
     *
     * @param found the stored work of each id of {@link #works()}, in the same order (empty when there is none)
     */
    public Step<List<Work>> forward(List<Optional<Work>> found, LocalDate today) {
        if (sentOn.isAfter(today)) {
            return Step.refused("sentOn", "a letter sent on " + sentOn + " has not been sent yet (today is " + today
                    + " in Bangkok)");
        }
        Map<UUID, Integer> seen = new HashMap<>();
        List<Work> forwarded = new ArrayList<>();
        for (int i = 0; i < works.size(); i++) {
            UUID id = works.get(i);
            String field = "works[" + i + "]";
            Integer first = seen.putIfAbsent(id, i);
            if (first != null) {
                return Step.refused(field, "work " + id + " is listed twice (also works[" + first + "])");
            }
            if (found.get(i).isEmpty()) {
                return Step.refused(field, "no work " + id);
            }
            Work work = found.get(i).get();
            if (!work.esa().equals(esa)) {
                return Step.refused(field, "work " + id + " was presented at an activity of " + work.esa()
                        + ", not of " + esa);
            }
            Step<Work> step = work.forwardedIn(id());
            if (!step.taken()) {
                return Step.illegal(field, step.refusal());
            }
            forwarded.add(step.result());
        }
        return Step.to(forwarded);
    }
}
