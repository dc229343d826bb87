package th.tambon.http;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;

/**
 * Optimistic concurrency over HTTP: a resource's {@code version} is its ETag ({@code "3"}), and a write may carry
 * {@code If-Match: "3"} ({@link IfMatch}) so that it is refused with 412 when someone changed the resource since it
 * was read (docs/decisions/0012).
 */
public final class Versions {

    private Versions() {
    }

    /** The ETag of a resource at this version. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** 200 with the resource and its version as ETag. */
    public static <T> MutableHttpResponse<T> ok(T body, long version) {
        return HttpResponse.ok(body).header(HttpHeaders.ETAG, etag(version));
    }
}
