package th.tambon.testkit.fuzz;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The operations of an OpenAPI 3 document as the fuzzer needs them: method, path, parameters, body schema. */
public final class OpenApiDocument {
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private final Map<String, Object> root;
    private final List<Operation> operations = new ArrayList<>();

    private OpenApiDocument(Map<String, Object> root) {
        this.root = root;
        map(root.get("paths")).forEach((path, item) -> map(item).forEach((method, operation) -> {
            if (METHODS.contains(method)) {
                operations.add(operation(method.toUpperCase(), path, map(operation)));
            }
        }));
    }

    /** Reads the document the build generated into the classpath, e.g. {@code META-INF/swagger/schools-service.yml}. */
    public static OpenApiDocument fromClasspath(String resource) {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath: build the module first");
            }
            return new OpenApiDocument(new Yaml(new LoaderOptions()).load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Operation> operations() {
        return List.copyOf(operations);
    }

    private Operation operation(String method, String path, Map<String, Object> operation) {
        List<Parameter> parameters = new ArrayList<>();
        for (Object p : list(operation.get("parameters"))) {
            Map<String, Object> parameter = resolve(map(p));
            parameters.add(new Parameter(String.valueOf(parameter.get("name")), String.valueOf(parameter.get("in")),
                    Boolean.TRUE.equals(parameter.get("required")), resolve(map(parameter.get("schema"))),
                    parameter.get("example")));
        }
        Map<String, Object> body = null;
        Map<String, Object> requestBody = map(operation.get("requestBody"));
        Map<String, Object> json = map(map(requestBody.get("content")).get("application/json"));
        if (!json.isEmpty()) {
            body = resolve(map(json.get("schema")));
        }
        return new Operation(method, path, parameters, body);
    }

    /** The schema or parameter itself, or what its {@code $ref} points at. */
    public Map<String, Object> resolve(Map<String, Object> node) {
        Object ref = node.get("$ref");
        if (!(ref instanceof String pointer) || !pointer.startsWith("#/")) {
            return node;
        }
        Object target = root;
        for (String part : pointer.substring(2).split("/")) {
            target = map(target).get(part);
        }
        return resolve(map(target));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    static List<Object> list(Object node) {
        return node instanceof List<?> l ? new ArrayList<>(l) : List.of();
    }

    /** One operation; {@code body} is the resolved JSON schema of its request body, or null. */
    public record Operation(String method, String path, List<Parameter> parameters, Map<String, Object> body) {
    }

    /** One parameter ({@code in}: path, query or header). */
    public record Parameter(String name, String in, boolean required, Map<String, Object> schema, Object example) {
    }
}
