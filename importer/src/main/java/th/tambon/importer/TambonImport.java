package th.tambon.importer;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code tambon-import}: the scenario tool behind {@code bin/dev import}. Its commands: {@code import} loads a
 * scenario through the gateway, {@code generate} writes a large made-up one (for benchmarks).
 */
@Command(name = "tambon-import", mixinStandardHelpOptions = true, versionProvider = TambonImport.Version.class,
        description = "Loads tambon-scenario/1 files into a running Tambon through its gateway.",
        subcommands = {ImportCommand.class, GenerateCommand.class, CommandLine.HelpCommand.class})
public final class TambonImport {
    /** Exit code: the file was read and every item loaded (or was already there, or waits for budget-service). */
    public static final int OK = 0;
    /** Exit code: some items failed; the summary lists them. */
    public static final int SOME_FAILED = 1;
    /** Exit code: the command line was wrong. */
    public static final int USAGE = 2;
    /** Exit code: the file cannot be read or breaks a rule; nothing was written. */
    public static final int REJECTED = 3;
    /** Exit code: the import stopped (token refused, gateway away); what was loaded stays. */
    public static final int STOPPED = 4;
    /** Exit code: an unexpected error, a bug in the importer (the stack trace is printed); what was loaded stays. */
    public static final int UNEXPECTED = 5;
    /**
     * Exit code of {@code --check} and {@code --check-only}: a figure of {@code expect} is not what the gateway reports
     * (still after waiting), a report could not be read, or a figure's section of the report was not OK.
     */
    public static final int CHECK_FAILED = 6;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new TambonImport()); // picocli answers a wrong command line with 2 (USAGE)
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = TambonImport.class.getPackage().getImplementationVersion();
            return new String[]{"tambon-import " + (version == null ? "(development)" : version)};
        }
    }
}
