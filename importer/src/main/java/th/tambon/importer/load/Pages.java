package th.tambon.importer.load;

import com.fasterxml.jackson.databind.JsonNode;
import th.tambon.importer.gateway.Gateway;
import th.tambon.importer.gateway.GatewayUnavailable;
import th.tambon.importer.gateway.Reply;

import java.util.function.Consumer;

/** Reads every page of a list endpoint ({@code items}, {@code totalPages}), the largest pages the API allows. */
final class Pages {
    static final int SIZE = 500;

    private Pages() {
    }

    /** Each item of {@code path} (which already has its query, e.g. {@code /api/v1/schools?esa=P31-4}). */
    static void each(Gateway gateway, String path, Consumer<JsonNode> item) {
        String separator = path.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            Reply reply = gateway.get(path + separator + "size=" + SIZE + "&page=" + page);
            if (!reply.ok() || reply.body() == null) {
                throw new GatewayUnavailable("GET " + path + " answered " + reply.status() + ": " + reply.problem());
            }
            reply.body().path("items").forEach(item);
            if (page + 1 >= reply.body().path("totalPages").asInt(0)) {
                return;
            }
        }
    }
}
