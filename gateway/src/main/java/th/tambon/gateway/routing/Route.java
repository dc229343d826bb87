package th.tambon.gateway.routing;

/**
 * Requests whose path starts with {@code prefix} go to {@code service}, with the prefix replaced by
 * {@code targetPrefix} (usually the same).
 */
public record Route(String prefix, String service, String targetPrefix) {

    public boolean matches(String path) {
        return path.equals(prefix) || path.startsWith(prefix + "/") || path.startsWith(prefix + "?");
    }

    public String rewrite(String path) {
        return targetPrefix + path.substring(prefix.length());
    }
}
