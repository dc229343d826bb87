package th.tambon.testkit.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request the fuzzer sends: {@code pathAndQuery} is already encoded; {@code body} is raw bytes (it may be
 * invalid UTF-8) or null; {@code what} says how it was made, for the report of a failure.
 */
public record FuzzRequest(String method, String pathAndQuery, byte[] body, String contentType,
                          Map<String, String> headers, String what) {
    @Override
    public String toString() {
        String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        if (shown.length() > 300) {
            shown = shown.substring(0, 300) + "... (" + body.length + " bytes)";
        }
        return method + " " + pathAndQuery + " [" + contentType + "] " + what + " " + shown;
    }
}
