package dev.swarmboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

class CommandHelpTest {

    @Test
    void shouldDescribeEveryOptionAndParameterOfEveryCommand() {
        // Given
        List<String> undescribed = new ArrayList<>();

        // When
        for (CommandSpec command : tree(SwarmCommand.commandLine())) {
            List<ArgSpec> args = new ArrayList<>(command.options());
            args.addAll(command.positionalParameters());
            for (ArgSpec arg : args) {
                if (arg.description().length == 0 || String.join("", arg.description()).isBlank()) {
                    undescribed.add(command.qualifiedName() + " " + arg.paramLabel() + " " + arg);
                }
            }
        }

        // Then
        assertThat(undescribed).isEmpty();
    }

    @Test
    void shouldPrintHelpAndExitZeroOnEverySubcommand() {
        for (CommandSpec command : tree(SwarmCommand.commandLine())) {
            List<String> args = new ArrayList<>(List.of(command.qualifiedName().split(" ")));
            args.remove(0);
            args.add("--help");

            int exit = SwarmCommand.execute(args.toArray(String[]::new));

            assertThat(exit).as(String.join(" ", args)).isZero();
        }
    }

    private static List<CommandSpec> tree(CommandLine root) {
        List<CommandSpec> specs = new ArrayList<>();
        specs.add(root.getCommandSpec());
        root.getSubcommands().values().forEach(sub -> specs.addAll(tree(sub)));
        return specs;
    }
}
