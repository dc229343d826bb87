package th.tambon.events.certificate.web;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The address a request comes from, for limits per client. {@code X-Forwarded-For} is anyone's to write, so it is
 * believed only from a trusted proxy (the gateway, which replaces whatever the client sent with the address it saw),
 * and then only its last entry: the one that proxy added.
 */
@Singleton
public class ClientAddresses {
    static final String FORWARDED_FOR = "X-Forwarded-For";
    /** An IPv4 or IPv6 literal's characters: never a name to look up. */
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final Set<InetAddress> trusted;

    public ClientAddresses(VerificationLimits limits) {
        this.trusted = limits.getTrustedProxies().stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(address -> literal(address).orElseThrow(() -> new IllegalArgumentException(
                        "tambon.events.verification.rate-limit.trusted-proxies: " + address
                                + " is not an IP address")))
                .collect(Collectors.toUnmodifiableSet());
    }

    public String of(HttpRequest<?> request) {
        InetAddress peer = request.getRemoteAddress().getAddress();
        if (peer != null && trusted.contains(peer)) {
            List<String> forwarded = request.getHeaders().getAll(FORWARDED_FOR);
            if (!forwarded.isEmpty()) {
                String[] hops = forwarded.get(forwarded.size() - 1).split(",");
                var client = literal(hops[hops.length - 1].strip());
                if (client.isPresent()) {
                    return client.get().getHostAddress();
                }
            }
        }
        return peer == null ? request.getRemoteAddress().getHostString() : peer.getHostAddress();
    }

    private static java.util.Optional<InetAddress> literal(String text) {
        if (!LITERAL.matcher(text).matches()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return java.util.Optional.empty();
        }
    }
}
