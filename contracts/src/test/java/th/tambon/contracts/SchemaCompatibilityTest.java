package th.tambon.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every schema against its previous release ({@code contracts/released/}): a v1 type only grows compatibly, and no
 * released type disappears. Releasing copies the current schemas there (see contracts/README.md).
 */
class SchemaCompatibilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path RELEASED = Path.of("released");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void each_schema_only_grew_compatibly_since_its_release(EventType type) throws IOException {
        Path released = RELEASED.resolve(fileName(type));
        if (Files.exists(released)) {
            assertThat(SchemaCompatibility.breaks(JSON.readTree(released.toFile()), current(type)))
                    .as(type.ceType() + " against " + released).isEmpty();
        }
    }

    @Test
    void every_released_schema_is_still_shipped() throws IOException {
        try (Stream<Path> files = Files.list(RELEASED)) {
            var shipped = Stream.of(EventType.values()).map(SchemaCompatibilityTest::fileName).toList();
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json")))
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(shipped).as("released schema " + f + " is still shipped").contains(f));
        }
    }

    @Test
    void an_added_optional_property_or_a_new_description_is_compatible() throws IOException {
        JsonNode released = current(EventType.SCHOOL_REGISTERED);
        ObjectNode grown = released.deepCopy();
        ((ObjectNode) grown.get("properties")).putObject("website").put("type", "string");
        ((ObjectNode) grown.get("properties").get("code")).put("description", "SMIS code, 8 digits");

        assertThat(SchemaCompatibility.breaks(released, grown)).isEmpty();
    }

    @Test
    void removing_retyping_tightening_or_requiring_a_property_is_a_break() throws IOException {
        JsonNode released = current(EventType.SCHOOL_REGISTERED);

        ObjectNode removed = released.deepCopy();
        ((ObjectNode) removed.get("properties")).remove("director");
        ObjectNode retyped = released.deepCopy();
        ((ObjectNode) retyped.get("properties").get("registeredAt")).put("type", "integer");
        ObjectNode tightened = released.deepCopy();
        ((ObjectNode) tightened.get("properties").get("code")).put("pattern", "^[0-9]{10}$");
        ObjectNode required = released.deepCopy();
        ((ArrayNode) required.get("required")).add("director");
        ObjectNode closed = released.deepCopy();
        closed.put("additionalProperties", false);

        assertThat(SchemaCompatibility.breaks(released, removed)).singleElement().asString().contains("director");
        assertThat(SchemaCompatibility.breaks(released, retyped)).singleElement().asString().contains("registeredAt");
        assertThat(SchemaCompatibility.breaks(released, tightened)).singleElement().asString().contains("code");
        assertThat(SchemaCompatibility.breaks(released, required)).singleElement().asString().contains("required");
        assertThat(SchemaCompatibility.breaks(released, closed)).singleElement().asString()
                .contains("additionalProperties");
    }

    private static String fileName(EventType type) {
        return type.schemaResource().substring(type.schemaResource().lastIndexOf('/') + 1);
    }

    private static JsonNode current(EventType type) throws IOException {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            assertThat(in).as(type.schemaResource()).isNotNull();
            return JSON.readTree(in);
        }
    }
}
