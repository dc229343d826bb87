package th.tambon.events.certificate.web;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Where the public finds a certificate: {@code <public-url>/verify/<code>}, the address its QR code holds. The public
 * URL is the gateway's as the world reaches it ({@code tambon.events.public-url}, env {@code TAMBON_PUBLIC_URL}).
 */
@Singleton
public class CertificateLinks {
    private final String publicUrl;

    public CertificateLinks(@Value("${tambon.events.public-url:`http://localhost:8080`}") String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public String verification(String code) {
        return publicUrl + "/verify/" + code;
    }
}
