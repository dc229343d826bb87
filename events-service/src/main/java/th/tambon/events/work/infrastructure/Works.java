package th.tambon.events.work.infrastructure;

import jakarta.inject.Singleton;
import th.tambon.events.activity.model.Track;
import th.tambon.events.work.model.PresenterCategory;
import th.tambon.events.work.model.Work;
import th.tambon.events.work.model.WorkStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Works as the rest of the service sees them, stored as {@code work} rows. */
@Singleton
public class Works {
    private final WorkRepository rows;

    public Works(WorkRepository rows) {
        this.rows = rows;
    }

    public Optional<Work> find(UUID id) {
        return rows.findById(id).map(Works::work);
    }

    /** The work, its row locked until the transaction ends: two changes of one work take turns. */
    public Optional<Work> findForChange(UUID id) {
        return rows.lock(id).map(Works::work);
    }

    /** Each of {@code ids} (in their order; listed twice, found twice), the rows that exist locked until the transaction ends. */
    public List<Optional<Work>> findAllForChange(List<UUID> ids) {
        Map<UUID, Work> found = rows.lockAll(ids).stream().map(Works::work)
                .collect(Collectors.toMap(Work::id, Function.identity()));
        return ids.stream().map(id -> Optional.ofNullable(found.get(id))).toList();
    }

    public void insert(Work work, Instant at) {
        rows.save(row(work, null, at));
    }

    /** Stores a changed work read with {@link #findForChange}. */
    public void update(Work work, Instant at) {
        rows.update(row(work, null, at));
    }

    /** Stores a work forwarded as the {@code index}th of its forwarding's batch. */
    public void updateForwarded(Work work, int index, Instant at) {
        rows.update(row(work, index, at));
    }

    public static Work work(WorkRow row) {
        return new Work(row.id(), row.activity(), row.esa(), row.school(), row.title(), Track.valueOf(row.track()),
                PresenterCategory.valueOf(row.presenterCategory()), row.presenter(), WorkStatus.valueOf(row.status()),
                row.note(), row.forwarding(), row.version());
    }

    private static WorkRow row(Work work, Integer forwardingIndex, Instant updatedAt) {
        return new WorkRow(work.id(), work.activity(), work.esa(), work.school(), work.title(), work.track().name(),
                work.presenterCategory().name(), work.presenter(), work.status().name(), work.note(),
                work.forwarding(), forwardingIndex, updatedAt, work.version());
    }
}
