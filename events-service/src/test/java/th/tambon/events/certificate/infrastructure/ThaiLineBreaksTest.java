package th.tambon.events.certificate.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThaiLineBreaksTest {

    @Test
    void a_thai_sentence_may_break_between_its_words_and_nowhere_else() {
        String sentence = "การประชุมแลกเปลี่ยนเรียนรู้";

        // การ|ประชุม|แลกเปลี่ยน|เรียน|รู้, as the JDK's Thai dictionary (module jdk.localedata) cuts it
        assertThat(breaksIn(sentence)).containsExactly("การ".length(), "การประชุม".length(),
                "การประชุมแลกเปลี่ยน".length(), "การประชุมแลกเปลี่ยนเรียน".length(), sentence.length());
    }

    @Test
    void a_mark_never_starts_a_line() {
        String sentence = "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำพูน";

        for (int position : breaksIn(sentence)) {
            if (position < sentence.length()) {
                assertThat(Character.getType(sentence.charAt(position)))
                        .as("a line would start with the mark at %d", position)
                        .isNotEqualTo((int) Character.NON_SPACING_MARK);
            }
        }
    }

    /** Positions after which OpenPDF may end a line, counted as the length of the text before the break. */
    private static List<Integer> breaksIn(String text) {
        char[] chars = text.toCharArray();
        List<Integer> breaks = new ArrayList<>();
        for (int i = 0; i < chars.length; i++) {
            if (ThaiLineBreaks.INSTANCE.isSplitCharacter(0, i, chars.length, chars, null)) {
                breaks.add(i + 1);
            }
        }
        return breaks;
    }
}
