package th.tambon.importer.gateway;

/** The gateway refused the token (401 or 403): every later request would be refused too, so the import stops. */
public final class GatewayRefused extends RuntimeException {
    public GatewayRefused(String message) {
        super(message);
    }
}
