package th.tambon.gateway.docs;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The API documents of the four processes under the gateway's origin: the gateway's own at {@code /openapi/gateway.yml},
 * each service's proxied from {@code /openapi/<service>/...} (RouteTable), each with its Swagger UI.
 */
@Controller("/openapi")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Documentation", description = "The OpenAPI documents of Tambon's processes and their browsable UIs")
public class DocumentsController {
    static final List<Document> DOCUMENTS = List.of(
            new Document("gateway", "The front door: routes, health", "/openapi/gateway.yml", "/openapi/views/swagger-ui/"),
            new Document("schools-service", "ESAs and schools", "/openapi/schools-service/schools-service.yml",
                    "/openapi/schools-service/views/swagger-ui/"),
            new Document("events-service", "Activities; replica of schools", "/openapi/events-service/events-service.yml",
                    "/openapi/events-service/views/swagger-ui/"),
            new Document("budget-service", "Budget; replica of schools", "/openapi/budget-service/budget-service.yml",
                    "/openapi/budget-service/views/swagger-ui/"));

    /** One process's document. */
    record Document(String name, String about, String document, String ui) {
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "listDocuments", summary = "Links to every process's OpenAPI document and Swagger UI")
    @ApiResponse(responseCode = "200", description = "An HTML page of links")
    public String index() {
        String rows = DOCUMENTS.stream().map(d -> "<tr><td>" + d.name() + "</td><td>" + d.about()
                        + "</td><td><a href=\"" + d.ui() + "index.html\">Swagger UI</a></td><td><a href=\"" + d.document()
                        + "\">OpenAPI (YAML)</a></td></tr>")
                .collect(Collectors.joining("\n"));
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Tambon API documents</title>
                <style>body{font-family:sans-serif;margin:2rem}td{padding:.3rem 1rem}</style></head>
                <body><h1>Tambon API documents</h1>
                <p>Every path below answers on this origin; the services' replica endpoints are under
                /api/v1/events/replicas and /api/v1/budget/replicas here.</p>
                <table><tr><th>process</th><th></th><th>browse</th><th>document</th></tr>
                %s
                </table></body></html>""".formatted(rows);
    }
}
