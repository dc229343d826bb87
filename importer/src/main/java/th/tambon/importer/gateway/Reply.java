package th.tambon.importer.gateway;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** What the gateway answered: status, the JSON body (null when there was none), and the ETag as a version. */
public record Reply(int status, JsonNode body, String text, Long version) {
    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The problem's detail and each field error, for a person to read: "422 Validation failed; tambonCode: ...". */
    public String problem() {
        if (body == null || !body.isObject()) {
            return text == null || text.isBlank() ? "(no body)" : abbreviate(text.strip());
        }
        List<String> parts = new ArrayList<>();
        String detail = body.path("detail").asText(body.path("title").asText(""));
        if (!detail.isBlank()) {
            parts.add(detail);
        }
        for (JsonNode error : body.path("errors")) {
            String field = error.path("field").asText("");
            String message = error.path("message").asText("");
            parts.add(field.isBlank() ? message : field + ": " + message);
        }
        return parts.isEmpty() ? abbreviate(text.strip()) : String.join("; ", parts);
    }

    private static String abbreviate(String value) {
        return value.length() <= 300 ? value : value.substring(0, 300) + "…";
    }
}
