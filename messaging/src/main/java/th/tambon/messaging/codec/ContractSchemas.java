package th.tambon.messaging.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import th.tambon.contracts.EventType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The JSON Schemas shipped in {@code contracts}, loaded once and used to check event data on both sides of a topic. */
public final class ContractSchemas {
    private final Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);

    public ContractSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        for (EventType type : EventType.values()) {
            try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("Missing JSON Schema " + type.schemaResource());
                }
                schemas.put(type, factory.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), config));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The violations of {@code data} against the schema of {@code type}; empty when it conforms. */
    public List<String> violations(EventType type, JsonNode data) {
        return schemas.get(type).validate(data).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
