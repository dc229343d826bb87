package th.tambon.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.data.repository.jpa.JpaSpecificationExecutor;
import io.micronaut.data.repository.jpa.criteria.PredicateSpecification;

import java.time.Instant;

/** The audit table: appended in a command's transaction, read by OBEC. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AuditRepository extends GenericRepository<AuditEntry, Long>, JpaSpecificationExecutor<AuditEntry> {

    AuditEntry save(AuditEntry entry);

    /** Entries filtered by target id, subject and time range [from, to) (each may be null). */
    default Page<AuditEntry> search(@Nullable String target, @Nullable String actor, @Nullable Instant from,
                                    @Nullable Instant to, Pageable pageable) {
        PredicateSpecification<AuditEntry> filter = PredicateSpecification.where(null);
        if (target != null) {
            filter = filter.and((root, criteria) -> criteria.equal(root.get("targetId"), target));
        }
        if (actor != null) {
            filter = filter.and((root, criteria) -> criteria.equal(root.get("subject"), actor));
        }
        if (from != null) {
            filter = filter.and((root, criteria) -> criteria.greaterThanOrEqualTo(root.get("recordedAt"), from));
        }
        if (to != null) {
            filter = filter.and((root, criteria) -> criteria.lessThan(root.get("recordedAt"), to));
        }
        return findAll(filter, pageable);
    }
}
