package th.tambon.schools.esa.model;

/** สพป. (primary) or สพม. (secondary) educational service area; the first letter of an ESA code. */
public enum EsaKind {
    PRIMARY('P'), SECONDARY('S');

    private final char codeLetter;

    EsaKind(char codeLetter) {
        this.codeLetter = codeLetter;
    }

    public char codeLetter() {
        return codeLetter;
    }
}
