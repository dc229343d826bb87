package th.tambon.service;

/** The state after a command that may have found nothing to change: {@code changed} false means nothing was stored. */
public record Changed<T>(T value, boolean changed) {
    public static <T> Changed<T> yes(T value) {
        return new Changed<>(value, true);
    }

    public static <T> Changed<T> no(T value) {
        return new Changed<>(value, false);
    }
}
