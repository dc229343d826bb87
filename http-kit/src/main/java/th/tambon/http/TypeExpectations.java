package th.tambon.http;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** What a client is told a value must be when it has the wrong JSON type: "must be a whole number". */
final class TypeExpectations {
    private TypeExpectations() {
    }

    static String of(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "must be a whole number";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class
                || type == float.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type == LocalDate.class) {
            return "must be a date, YYYY-MM-DD";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "must be a date and time in ISO 8601, e.g. 2026-11-23T09:00:00Z";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(type) || !type.isPrimitive()) {
            return "must be an object";
        }
        return "has the wrong type";
    }
}
