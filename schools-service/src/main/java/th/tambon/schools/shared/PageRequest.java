package th.tambon.schools.shared;

/** Which page of a list to read: zero-based {@code page}, {@code size} rows. */
public record PageRequest(int page, int size) {
    public int offset() {
        return page * size;
    }
}
