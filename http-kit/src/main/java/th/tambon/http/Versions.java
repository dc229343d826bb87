package th.tambon.http;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic concurrency over HTTP: a resource's {@code version} is its ETag ({@code "3"}), and a write may carry
 * {@code If-Match: "3"} so that it is refused with 412 when someone changed the resource since it was read.
 */
public final class Versions {
    /** The header a write names the version it expects in. */
    public static final String IF_MATCH = "If-Match";
    private static final Pattern TAG = Pattern.compile("(?:W/)?\"?([0-9]{1,18})\"?");

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

    /**
     * The version an {@code If-Match} header expects, or null when there is none or it is {@code *} (any version).
     *
     * @throws ApiProblemException 422 naming If-Match when the header is not a version Tambon gave out
     */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher matcher = TAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw ApiProblemException.invalidField(IF_MATCH, "must be the ETag of the resource, such as \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}
