package th.tambon.http;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.ZoneOffset;

/** {@link ProgrammeDate} on an instant: its date in UTC must be one Tambon keeps (a search's from and to, say). */
@Singleton
public class ProgrammeInstantValidator implements ConstraintValidator<ProgrammeDate, Instant> {

    @Override
    public boolean isValid(@Nullable Instant value, @NonNull AnnotationValue<ProgrammeDate> annotationMetadata,
                           @NonNull ConstraintValidatorContext context) {
        return value == null || ProgrammeDates.contains(value.atZone(ZoneOffset.UTC).toLocalDate());
    }
}
