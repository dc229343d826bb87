package th.tambon.security.http;

import jakarta.inject.Singleton;

/**
 * The OpenAPI documents and their UI under {@code /openapi} are read without a token (GET and HEAD only); they
 * describe the API, they hold no programme data.
 */
@Singleton
public class OpenApiDocumentsRule extends FilesWithoutTokenRule {
    @Override
    protected boolean isFile(String path) {
        return path.equals("/openapi") || path.startsWith("/openapi/");
    }
}
