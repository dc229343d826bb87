package th.tambon.importer.load;

/** Shows how far a section has come: a progress bar on a terminal, a line per section otherwise. */
public interface Progress {
    /** Starts a section of {@code total} items. */
    Bar start(String section, int total);

    interface Bar extends AutoCloseable {
        void step();

        @Override
        void close();
    }

    /** Shows nothing (tests). */
    Progress NONE = (section, total) -> new Bar() {
        @Override
        public void step() {
        }

        @Override
        public void close() {
        }
    };
}
