package th.tambon.contracts.events;

import th.tambon.contracts.EventData;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The ITA (integrity and transparency assessment) result of a school or an ESA for a fiscal year was recorded or
 * changed. Carries the whole result. Key: {@code ita/<school or ESA code>/<fiscalYear>} (e.g. {@code ita/P31-4/2563});
 * {@code version} is the result's own (1 when first recorded) and only grows for that key.
 *
 * @param subjectType SCHOOL or ESA
 * @param code        the school's SMIS code or the ESA's code
 * @param esa         the ESA: the subject itself, or the school's ESA
 * @param fiscalYear  the fiscal year (BE) assessed
 * @param score       0.00 to 100.00
 * @param level       AA (95–100), A (85–94.99), B (75–84.99), C (65–74.99), D (55–64.99), E (50–54.99), F (below 50)
 * @param iit         the internal stakeholders' instrument score, or null
 * @param eit         the external stakeholders' instrument score, or null
 * @param oit         the open-data instrument score, or null
 */
public record ItaResultRecorded(
        String subjectType,
        String code,
        String esa,
        int fiscalYear,
        BigDecimal score,
        String level,
        BigDecimal iit,
        BigDecimal eit,
        BigDecimal oit,
        Instant recordedAt,
        long version) implements EventData {

    @Override
    public String key() {
        return "ita/" + code + "/" + fiscalYear;
    }
}
