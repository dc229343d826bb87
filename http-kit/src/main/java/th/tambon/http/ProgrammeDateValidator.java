package th.tambon.http;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

import java.time.LocalDate;

/** Checks {@link ProgrammeDate}: micronaut-validation finds the validator of a custom constraint as a bean. */
@Singleton
public class ProgrammeDateValidator implements ConstraintValidator<ProgrammeDate, LocalDate> {

    @Override
    public boolean isValid(@Nullable LocalDate value, @NonNull AnnotationValue<ProgrammeDate> annotationMetadata,
                           @NonNull ConstraintValidatorContext context) {
        return value == null || ProgrammeDates.contains(value);
    }
}
