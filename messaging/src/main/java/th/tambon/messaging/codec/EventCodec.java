package th.tambon.messaging.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import th.tambon.contracts.EventData;
import th.tambon.contracts.EventType;
import th.tambon.messaging.PoisonMessageException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Turns contract records into JSON and back, checking the JSON against the type's schema in both directions. */
@Singleton
public class EventCodec {
    private final JsonMapper jsonMapper;
    private final ObjectMapper treeReader = new ObjectMapper();
    private final ContractSchemas schemas = new ContractSchemas();

    public EventCodec(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /** Encodes event data; data that would break its own published schema is a programming error. */
    public byte[] encode(EventData data) {
        EventType type = EventType.of(data.getClass());
        try {
            byte[] json = jsonMapper.writeValueAsBytes(data);
            List<String> violations = schemas.violations(type, treeReader.readTree(json));
            if (!violations.isEmpty()) {
                throw new IllegalArgumentException(type.ceType() + " data breaks its schema: " + violations);
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes the data of a received event; data that is not JSON or breaks the schema is poison. */
    public <T extends EventData> T decode(EventType type, byte[] payload, Class<T> dataClass) {
        if (payload == null) {
            throw new PoisonMessageException(type.ceType() + " has no data");
        }
        JsonNode tree;
        try {
            tree = treeReader.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("data of " + type.ceType() + " is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new PoisonMessageException("data of " + type.ceType() + " is empty");
        }
        List<String> violations = schemas.violations(type, tree);
        if (!violations.isEmpty()) {
            throw new PoisonMessageException("data of " + type.ceType() + " breaks its schema: " + violations);
        }
        try {
            return jsonMapper.readValue(payload, Argument.of(dataClass));
        } catch (IOException e) {
            throw new PoisonMessageException("data of " + type.ceType() + " cannot be read: " + e.getMessage(), e);
        }
    }
}
