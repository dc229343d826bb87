package th.tambon.events.certificate;

import io.micronaut.runtime.server.EmbeddedServer;
import th.tambon.events.Activities;
import th.tambon.testkit.TestDatabase;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Held activities to award certificates at, and their PDFs read as bytes. */
final class CertificateFixtures {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private CertificateFixtures() {
    }

    /**
     * An activity drafted, planned and held by {@code as}, its academic year then written into its row as
     * {@code academicYear}: null makes one without a year, which the API no longer drafts (it waits for the replicated
     * calendar) but an older row may have, so that the award's own refusal stays tried.
     */
    static String held(TestHttp as, TestDatabase database, Map<String, Object> body, Integer academicYear) {
        TestHttp.Response drafted = as.post("/api/v1/activities", TestHttp.json(Activities.with(body, "funding", null)));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        String id = drafted.json().get("id").asText();
        for (String to : List.of("PLANNED", "HELD")) {
            TestHttp.Response moved = as.post("/api/v1/activities/" + id + "/transitions",
                    TestHttp.json(Map.of("to", to)));
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        }
        try (Connection connection = database.connect();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE activity SET academic_year = ? WHERE id = ?")) {
            update.setObject(1, academicYear, Types.INTEGER);
            update.setObject(2, UUID.fromString(id));
            assertThat(update.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    /** GETs a PDF with a token: status, content type and the bytes. */
    static Pdf pdf(EmbeddedServer server, String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Authorization", "Bearer " + token).GET().build();
        try {
            HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Pdf(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Pdf(int status, String contentType, byte[] bytes) {
    }

    static TestHttp officer(EmbeddedServer server, String esa) {
        return new TestHttp(server.getURL().toString()).as(TestTokens.officer(esa));
    }
}
