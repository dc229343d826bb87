package th.tambon.budget.transfer.application;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import th.tambon.budget.allocation.application.ReadingRounds;
import th.tambon.budget.ledger.infrastructure.LineRepository;
import th.tambon.budget.ledger.infrastructure.LineRow;
import th.tambon.budget.transfer.infrastructure.TransferRepository;
import th.tambon.budget.transfer.infrastructure.TransferRow;
import th.tambon.security.Actor;
import th.tambon.service.Outcome;

import java.util.Map;
import java.util.UUID;

/** An ESA's transfers of a fiscal year, newest first, for those who read its budget ({@link ReadingRounds#mayRead}). */
@Singleton
public class ReadingTransfers {
    private static final Sort NEWEST_FIRST = Sort.of(Sort.Order.desc("transferredAt"), Sort.Order.desc("id"));

    private final TransferRepository transfers;
    private final LineRepository lines;

    public ReadingTransfers(TransferRepository transfers, LineRepository lines) {
        this.transfers = transfers;
        this.lines = lines;
    }

    /** A page of transfers and the lines they name, by id. */
    public record Listed(Page<TransferRow> page, Map<UUID, LineRow> lines) {
    }

    public Outcome<Listed> list(String esa, int year, int page, int size, Actor actor) {
        if (!ReadingRounds.mayRead(actor, esa)) {
            return ReadingRounds.notAReader(esa);
        }
        Page<TransferRow> found = transfers.findByEsaAndFiscalYear(esa, year, Pageable.from(page, size, NEWEST_FIRST));
        Map<UUID, LineRow> named = found.isEmpty() ? Map.of() : lines.byIdOfEsaYear(esa, year);
        return Outcome.done(new Listed(found, named));
    }
}
