package th.tambon.importer.gateway;

/** A request still failed after every retry (the gateway or a service is down, or stays over its limit). */
public final class GatewayUnavailable extends RuntimeException {
    public GatewayUnavailable(String message) {
        super(message);
    }

    public GatewayUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
