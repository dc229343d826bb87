package th.tambon.http;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A write's {@code If-Match} precondition, evaluated as RFC 9110 §13.1.1 says: {@code *} matches any current version
 * of a resource that exists; a list of entity-tags matches when one of its strong tags is the current version's ETag
 * ({@code "3"}); a weak tag ({@code W/"3"}) never matches. Absent, it matches too: whether a write requires it (428)
 * is the endpoint's rule, and where it must name the version a decision was made on, {@code *} names none
 * ({@link #namesTags}). {@link #matches} judges a resource that exists; where none does, a present If-Match is false,
 * {@code *} included, which only the endpoint knows to say. Plain Java, so the application layer can evaluate it where
 * it holds the row lock.
 */
@Schema(type = "string", description = "* or a list of ETags, e.g. \"3\" or \"3\", \"4\"", example = "\"3\"")
public final class IfMatch {
    public static final String HEADER = "If-Match";
    private static final IfMatch ABSENT = new IfMatch(null, false, List.of());

    private final String sent;
    private final boolean any;
    private final List<Tag> tags;

    private IfMatch(String sent, boolean any, List<Tag> tags) {
        this.sent = sent;
        this.any = any;
        this.tags = List.copyOf(tags);
    }

    public static IfMatch absent() {
        return ABSENT;
    }

    /**
     * The precondition of a request's If-Match field lines (several lines are one list); absent when there are none or
     * they are blank.
     *
     * @throws ApiProblemException 422 naming If-Match when a line is neither {@code *} nor a list of entity-tags
     */
    public static IfMatch parse(Collection<String> lines) {
        String value = lines == null ? "" : lines.stream().filter(l -> l != null && !l.isBlank()).map(String::strip)
                .collect(Collectors.joining(", "));
        if (value.isEmpty()) {
            return ABSENT;
        }
        if (value.equals("*")) {
            return new IfMatch(value, true, List.of());
        }
        List<Tag> tags = tags(value);
        if (tags == null) {
            throw ApiProblemException.invalidField(HEADER,
                    "must be * or a list of ETags such as \"3\" (quoted, as the ETag header gives them)");
        }
        return new IfMatch(value, false, tags);
    }

    public static IfMatch parse(String value) {
        return parse(value == null ? List.of() : List.of(value));
    }

    /** Whether the request carried the precondition. */
    public boolean present() {
        return sent != null;
    }

    /**
     * Whether it names versions, entity-tags, rather than {@code *} or nothing: what an endpoint that requires the
     * version a decision was made on (428 otherwise) asks for.
     */
    public boolean namesTags() {
        return present() && !any;
    }

    /** Whether a resource that exists at {@code version} (its ETag {@link Versions#etag}) meets the precondition. */
    public boolean matches(long version) {
        if (!present() || any) {
            return true;
        }
        String current = Long.toString(version);
        return tags.stream().anyMatch(tag -> !tag.weak() && tag.opaque().equals(current));
    }

    /** Whether it fails only because the tag naming {@code version} is weak (worth saying in the refusal). */
    public boolean weaklyNames(long version) {
        String current = Long.toString(version);
        return !matches(version) && tags.stream().anyMatch(tag -> tag.weak() && tag.opaque().equals(current));
    }

    /** The field as the client sent it, for a refusal's message. */
    @Override
    public String toString() {
        return sent == null ? "" : sent;
    }

    /** The entity-tags of a list ({@code #entity-tag}, empty elements allowed), or null when it is not one. */
    private static List<Tag> tags(String value) {
        List<Tag> tags = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            boolean weak = value.startsWith("W/", i);
            int open = weak ? i + 2 : i;
            if (open >= n || value.charAt(open) != '"') {
                return null;
            }
            int close = open + 1;
            while (close < n && value.charAt(close) != '"') {
                if (!etagc(value.charAt(close))) {
                    return null;
                }
                close++;
            }
            if (close >= n) {
                return null;
            }
            tags.add(new Tag(weak, value.substring(open + 1, close)));
            i = close + 1;
            // after a tag: whitespace, then a comma or the end
            while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
                i++;
            }
            if (i < n && value.charAt(i) != ',') {
                return null;
            }
        }
        return tags.isEmpty() ? null : tags;
    }

    /** RFC 9110 etagc: %x21 / %x23-7E / obs-text. */
    private static boolean etagc(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
    }

    private record Tag(boolean weak, String opaque) {
    }
}
