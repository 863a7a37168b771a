package dev.swarmboard.cli;

import dev.swarmboard.input.InputFileException;
import dev.swarmboard.text.ShownText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code swarm} command: the broker, the services, mission commands, audit replay, live watch
 * and benchmarks, in one runnable jar. Errors print one line and exit non-zero; {@code --verbose}
 * adds the stack trace.
 */
@Command(name = "swarm", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Swarmboard: event-driven multi-agent orchestration on Apache Kafka.",
        subcommands = {DemoCommand.class, UpCommand.class, BrokerCommand.class, TopicsCommand.class, RunCommand.class,
                SubmitCommand.class, DecideCommands.Approve.class, DecideCommands.Cancel.class, ReplayCommand.class,
                WatchCommand.class, MissionsCommand.class, ShowCommand.class, ConsoleCommand.class, ConfigCommand.class,
                BenchCommand.class, ChaosCommand.class, ManifestsCommand.class, AclsCommand.class, KeysCommand.class})
public final class SwarmCommand implements Runnable {

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of main). */
    public static int execute(String... args) {
        CommandLine commandLine = commandLine();
        commandLine.setExecutionExceptionHandler((error, line, parsed) -> {
            boolean verbose = parsed.matchedOption("--verbose") != null
                    || parsed.asCommandLineList().stream().anyMatch(c -> c.getParseResult().hasMatchedOption("--verbose"));
            line.getErr().println("swarm: " + oneLine(error));
            if (verbose) {
                error.printStackTrace(line.getErr());
            }
            if (error instanceof MissionTimeout) {
                return ExitCodes.TIMED_OUT;
            }
            return error instanceof UsageException || error instanceof InputFileException ? 2 : 1;
        });
        return commandLine.execute(args);
    }

    /** The command tree, with {@code --help} (and {@code --version}) on every subcommand. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new SwarmCommand());
        withHelp(commandLine);
        return commandLine;
    }

    private static void withHelp(CommandLine line) {
        for (CommandLine sub : line.getSubcommands().values()) {
            if (!sub.getCommandSpec().mixinStandardHelpOptions()) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
            }
            withHelp(sub);
        }
    }

    private static String oneLine(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getMessage() != null && root.getMessage().equals(
                String.valueOf(root.getCause()))) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return ShownText.terminal(message.replace('\n', ' '));
    }
}
