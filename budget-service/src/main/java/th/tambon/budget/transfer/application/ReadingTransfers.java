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
import java.util.function.Function;
import java.util.stream.Collectors;

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
            return Outcome.forbidden("Only OBEC, viewers or an officer of " + esa + " read its budget");
        }
        Page<TransferRow> found = transfers.findByEsaAndFiscalYear(esa, year, Pageable.from(page, size, NEWEST_FIRST));
        Map<UUID, LineRow> named = found.isEmpty() ? Map.of() : lines.findOfEsaYear(esa, year).stream()
                .collect(Collectors.toMap(LineRow::id, Function.identity()));
        return Outcome.done(new Listed(found, named));
    }
}
