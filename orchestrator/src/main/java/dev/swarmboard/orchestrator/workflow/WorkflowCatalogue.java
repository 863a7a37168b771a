package dev.swarmboard.orchestrator.workflow;

import dev.swarmboard.capability.ConfigError;
import dev.swarmboard.capability.Parsed;
import dev.swarmboard.input.InputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The workflows a mission may name: the built-ins, replaced or extended by every {@code *.yaml}
 * file of a workflows directory (file name = workflow name). Loading is all-or-nothing: any invalid
 * file refuses the whole directory with every error listed.
 */
public final class WorkflowCatalogue {

    private final Map<String, Workflow> workflows;

    private WorkflowCatalogue(Map<String, Workflow> workflows) {
        this.workflows = Collections.unmodifiableMap(new TreeMap<>(workflows));
    }

    /** Only the built-in workflows. */
    public static WorkflowCatalogue builtIn() {
        return of(List.of());
    }

    /** The built-ins overlaid with the given workflows (same name replaces). */
    public static WorkflowCatalogue of(List<Workflow> workflows) {
        Map<String, Workflow> byName = new TreeMap<>();
        BuiltInWorkflows.all().forEach(workflow -> byName.put(workflow.name(), workflow));
        workflows.forEach(workflow -> byName.put(workflow.name(), workflow));
        return new WorkflowCatalogue(byName);
    }

    /** The built-ins overlaid with every workflow file in the directory; throws listing every error. */
    public static WorkflowCatalogue load(Path directory) {
        List<Workflow> loaded = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Path file : yamlFiles(directory)) {
            Parsed<Workflow> parsed = WorkflowReader.read(read(file));
            String expectedName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            parsed.errors().forEach(error -> errors.add(file.getFileName() + ": " + error));
            parsed.value().ifPresent(workflow -> {
                if (workflow.name().equals(expectedName)) {
                    loaded.add(workflow);
                } else {
                    errors.add(file.getFileName() + ": " + new ConfigError("name", 0,
                            "must equal the file name '" + expectedName + "'"));
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid workflows in " + directory + ":\n  - "
                    + String.join("\n  - ", errors));
        }
        return of(loaded);
    }

    public Optional<Workflow> find(String name) {
        return Optional.ofNullable(workflows.get(name));
    }

    /** Workflow names in alphabetical order. */
    public List<String> names() {
        return List.copyOf(workflows.keySet());
    }

    private static List<Path> yamlFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().matches(".*\\.ya?ml"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list workflows directory " + directory, e);
        }
    }

    private static String read(Path file) {
        return InputFile.readText(file);
    }
}
