package th.tambon.http;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

import java.time.OffsetDateTime;

/** {@link ProgrammeDate} on a date and time with its offset (an activity's start): its own date must be one Tambon keeps. */
@Singleton
public class ProgrammeOffsetDateTimeValidator implements ConstraintValidator<ProgrammeDate, OffsetDateTime> {

    @Override
    public boolean isValid(@Nullable OffsetDateTime value, @NonNull AnnotationValue<ProgrammeDate> annotationMetadata,
                           @NonNull ConstraintValidatorContext context) {
        return value == null || ProgrammeDates.contains(value.toLocalDate());
    }
}
