package th.tambon.http;

import io.micronaut.core.type.Argument;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;

import java.util.List;

/** The name a client uses for a route argument: {@code @QueryValue("esa")} rather than the Java parameter. */
final class RequestArguments {
    private static final List<Class<? extends java.lang.annotation.Annotation>> BINDINGS =
            List.of(QueryValue.class, PathVariable.class, Header.class);

    private RequestArguments() {
    }

    static String nameOf(Argument<?> argument) {
        for (Class<? extends java.lang.annotation.Annotation> binding : BINDINGS) {
            String name = argument.getAnnotationMetadata().stringValue(binding).orElse("");
            if (!name.isBlank()) {
                return name;
            }
        }
        return argument.getName();
    }
}
