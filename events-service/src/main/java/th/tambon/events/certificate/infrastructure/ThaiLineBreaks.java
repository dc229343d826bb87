package th.tambon.events.certificate.infrastructure;

import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.PdfChunk;
import java.text.BreakIterator;
import java.util.Locale;

/**
 * Lets a line break only where Thai allows it. Thai writes no spaces between words, and OpenPDF's default rule breaks
 * only at spaces and hyphens, so a Thai sentence would run off the column or break inside a word. The JDK's Thai
 * line instance knows the words (its dictionary is in the {@code jdk.localedata} module).
 */
final class ThaiLineBreaks implements SplitCharacter {

    static final ThaiLineBreaks INSTANCE = new ThaiLineBreaks();

    private static final Locale THAI = Locale.forLanguageTag("th");

    private ThaiLineBreaks() {
    }

    /** May the line end after {@code cc[current]}? OpenPDF asks this for each character of the chunk it splits. */
    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
        if (current + 1 >= end) {
            return true;
        }
        BreakIterator breaks = BreakIterator.getLineInstance(THAI);
        breaks.setText(new String(cc, start, end - start));
        return breaks.isBoundary(current + 1 - start);
    }
}
