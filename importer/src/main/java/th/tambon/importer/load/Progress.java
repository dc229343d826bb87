package th.tambon.importer.load;

/** Shows how far a section has come: a progress bar on a terminal, a line per section otherwise. */
public interface Progress {
    /** Starts a section of {@code total} items. */
    Bar start(String section, int total);

    interface Bar extends AutoCloseable {
        void step();

        /**
         * Says what the section is waiting for ("events-service's replica does not know school 31040001 yet"), so a
         * wait is seen, not mistaken for a hang; null when the wait is over.
         */
        default void note(String message) {
        }

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
