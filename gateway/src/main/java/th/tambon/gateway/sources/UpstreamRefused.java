package th.tambon.gateway.sources;

/**
 * A service refused the call with a 4xx other than 404 (the token may not read that ESA, a parameter is wrong): the
 * view answers with the service's status and problem, as the routed API would.
 */
public class UpstreamRefused extends RuntimeException {
    private final int status;
    private final String body;
    private final String contentType;

    public UpstreamRefused(Source source, int status, String body, String contentType) {
        super(source.service() + " answered " + status);
        this.status = status;
        this.body = body;
        this.contentType = contentType;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }

    public String contentType() {
        return contentType;
    }
}
