package th.tambon.http;

/**
 * The bounds of every paginated list: {@code ?page=} from 0 to {@link #MAX_PAGE}, {@code ?size=} from 1 to
 * {@link #MAX_SIZE}, so an offset is at most {@code MAX_PAGE × MAX_SIZE} rows and never overflows. Out of bounds is a
 * 422 naming the parameter.
 */
public final class Paging {
    public static final int MAX_PAGE = 10_000;
    public static final int MAX_SIZE = 500;

    private Paging() {
    }
}
