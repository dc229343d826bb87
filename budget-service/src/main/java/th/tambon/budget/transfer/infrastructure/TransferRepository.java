package th.tambon.budget.transfer.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.UUID;

/** The {@code transfer} table: transfers are only ever added. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TransferRepository extends GenericRepository<TransferRow, UUID> {
    TransferRow save(TransferRow transfer);

    /** An ESA's transfers of a fiscal year, a page at a time, in the pageable's order. */
    Page<TransferRow> findByEsaAndFiscalYear(String esa, int fiscalYear, Pageable pageable);
}
