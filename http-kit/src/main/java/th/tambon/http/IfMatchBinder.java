package th.tambon.http;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Binds a controller parameter of type {@link IfMatch} from every If-Match line of the request (a plain
 * {@code @Header String} would see the first line only). A malformed field is a 422 naming If-Match. It always binds a
 * value, {@link IfMatch#absent()} when the request has no If-Match, so the parameter is never null: declare it without
 * {@code @Nullable}, and mark the OpenAPI parameter {@code required = false} where the header is optional.
 */
@Singleton
public class IfMatchBinder implements TypedRequestArgumentBinder<IfMatch> {
    private static final Argument<IfMatch> TYPE = Argument.of(IfMatch.class);

    @Override
    public Argument<IfMatch> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<IfMatch> bind(ArgumentConversionContext<IfMatch> context, HttpRequest<?> source) {
        IfMatch ifMatch = IfMatch.parse(source.getHeaders().getAll(IfMatch.HEADER));
        return () -> Optional.of(ifMatch);
    }
}
