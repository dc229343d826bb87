package th.tambon.budget.expenditure.infrastructure;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;
import java.util.UUID;

/** The {@code expenditure} table: expenditures are only ever added. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ExpenditureRepository extends GenericRepository<ExpenditureRow, UUID> {
    ExpenditureRow save(ExpenditureRow expenditure);

    /** The direct expenditure (no activity) of an ESA's fiscal year recorded with this document, if any. */
    @Query("""
            SELECT e.* FROM expenditure e JOIN allocation_line l ON l.id = e.line_id
            WHERE l.esa = :esa AND l.fiscal_year = :fiscalYear AND e.activity IS NULL AND e.document_ref = :documentRef""")
    Optional<ExpenditureRow> findDirectByDocument(String esa, int fiscalYear, String documentRef);

    /** The expenditure that spent a commitment, if it was spent. */
    Optional<ExpenditureRow> findByCommitment(UUID commitment);

    /** The expenditures on an ESA's lines of a fiscal year (direct and activities'), a page at a time. */
    @Query(value = """
            SELECT expenditure_row_.* FROM expenditure expenditure_row_
            WHERE line_id IN (SELECT id FROM allocation_line WHERE esa = :esa AND fiscal_year = :fiscalYear)""",
            countQuery = """
            SELECT count(*) FROM expenditure
            WHERE line_id IN (SELECT id FROM allocation_line WHERE esa = :esa AND fiscal_year = :fiscalYear)""")
    Page<ExpenditureRow> findOfEsaYear(String esa, int fiscalYear, Pageable pageable);
}
