package th.tambon.gateway;

import io.micronaut.runtime.Micronaut;

/** gateway: the front door on port 8080; routes /api/v1/** to the three services. */
public final class GatewayApplication {
    private GatewayApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(GatewayApplication.class, args);
    }
}
