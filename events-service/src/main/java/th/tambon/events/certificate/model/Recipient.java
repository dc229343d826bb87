package th.tambon.events.certificate.model;

import java.util.Objects;

/**
 * Whom a certificate is awarded to: a school (by SMIS code, printed by its Thai name) or a person (by name, with their
 * position when given). Exactly one of {@code school} and {@code person} is set.
 *
 * @param name        the recipient as printed: the school's Thai name, or the person's name
 * @param personTitle the person's position as printed after the name (ครูโรงเรียนบ้านหัวฝาย), or null
 */
public record Recipient(String school, String person, String personTitle, String name) {
    public Recipient {
        if ((school == null) == (person == null)) {
            throw new IllegalArgumentException("a certificate goes to a school or to a person");
        }
        Objects.requireNonNull(name, "name");
    }

    public static Recipient school(String code, String nameTh) {
        return new Recipient(code, null, null, nameTh);
    }

    /** A person by name, spaced as one name is written (runs of spaces made one), with their position or null. */
    public static Recipient person(String name, String title) {
        String normalised = normalised(name);
        String position = title == null || title.isBlank() ? null : normalised(title);
        return new Recipient(null, normalised, position, normalised);
    }

    /** The text as one name: trimmed, with every run of white space one space. */
    public static String normalised(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    public boolean isSchool() {
        return school != null;
    }
}
