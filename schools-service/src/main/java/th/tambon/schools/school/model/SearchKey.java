package th.tambon.schools.school.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds a name the way a Thai reader searches for it: a search for {@code บานหัวฝาย} or {@code BAN HUA} finds
 * {@code โรงเรียนบ้านหัวฝาย (Ban Hua Fai School)}. Letter case, Thai tone marks (่ ้ ๊ ๋), the mai taikhu (็) and
 * thanthakhat (์), zero-width spaces and repeated white space do not count; vowels and consonants do, so
 * {@code หัวฝาย} never matches {@code หวฝาย}'s different word. Sara am typed as nikhahit + sara aa (ํา) counts as
 * sara am (ำ). Names are stored with their marks; only the search key drops them.
 */
public final class SearchKey {
    private static final Pattern IGNORED = Pattern.compile("[\\u0E47-\\u0E4C\\u200B-\\u200D\\uFEFF]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SearchKey() {
    }

    public static String of(String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                joined.append(joined.isEmpty() ? "" : " ").append(part);
            }
        }
        return fold(joined.toString());
    }

    /** The folded form of a search term or name. */
    public static String fold(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        normalized = IGNORED.matcher(normalized).replaceAll("").replace("\u0E4D\u0E32", "\u0E33");
        return SPACES.matcher(normalized).replaceAll(" ").strip();
    }
}
