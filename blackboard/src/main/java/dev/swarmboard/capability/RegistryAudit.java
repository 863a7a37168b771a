package dev.swarmboard.capability;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Security checks over a registry whose entries all parsed: what is dangerous but may be meant. A key
 * variable in a tool's {@code env} is always an error; every other finding is a warning, or an error
 * under {@code SWARM_REGISTRY_STRICT=true}: a shell script ({@code sh -c}) with a placeholder whose
 * pattern admits shell syntax, an argument pattern admitting {@code /}, {@code ..} or a leading
 * {@code -}, an absolute executable outside the registry's folder and the system directories, and a
 * key sent over cleartext {@code http://} to a host that is not loopback.
 */
final class RegistryAudit {

    /** Where an absolute executable may live besides the registry's own folder. */
    static final List<Path> SYSTEM_DIRS = List.of(Path.of("/usr/bin"), Path.of("/bin"), Path.of("/usr/local/bin"),
            Path.of("/usr/sbin"), Path.of("/sbin"));
    private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "zsh", "ksh", "ash");
    private static final List<String> SEEDS = List.of("a", "A", "z", "0", "9", "_", ".", "x1", "a.b", "a-b");
    private static final List<String> SHELL_SYNTAX = List.of(";", "|", "&", "$", "`", ">", "<", "\n", " ", "'",
            "\"", "(", ")", "*", "\\");

    /** One finding: the YAML path it concerns and what is wrong. */
    record Finding(String path, String message) {
    }

    private final List<Finding> errors = new ArrayList<>();
    private final List<Finding> warnings = new ArrayList<>();

    private RegistryAudit() {
    }

    static RegistryAudit of(Map<String, ModelSpec> models, Map<String, ToolSpec> tools, Path baseDir) {
        RegistryAudit audit = new RegistryAudit();
        models.forEach(audit::checkModel);
        List<String> keyVariables = models.values().stream()
                .flatMap(spec -> spec.endpoint().flatMap(OpenAiEndpoint::apiKeyEnv).stream()).toList();
        tools.forEach((name, tool) -> audit.checkTool("tools." + name, tool, keyVariables, baseDir));
        return audit;
    }

    List<Finding> errors() {
        return List.copyOf(errors);
    }

    List<Finding> warnings() {
        return List.copyOf(warnings);
    }

    private void checkModel(String key, ModelSpec spec) {
        spec.endpoint().filter(OpenAiEndpoint::sendsKey).map(OpenAiEndpoint::baseUrl)
                .filter(url -> "http".equals(url.getScheme()) && !isLoopback(url))
                .ifPresent(url -> warnings.add(new Finding("models." + key + ".base_url",
                        "sends the API key over cleartext http:// to " + url.getHost() + "; use https")));
    }

    private void checkTool(String path, ToolSpec tool, List<String> keyVariables, Path baseDir) {
        for (int i = 0; i < tool.env().size(); i++) {
            if (keyVariables.contains(tool.env().get(i))) {
                errors.add(new Finding(path + ".env[" + i + "]", tool.env().get(i)
                        + " holds a model's API key; a tool may never receive it"));
            }
        }
        checkExecutable(path + ".command[0]", tool.command().get(0), baseDir);
        tool.args().forEach((name, pattern) -> checkPattern(path + ".args." + name, pattern));
        shellScriptIndex(tool.command()).ifPresent(script -> ToolSpec.placeholders(tool.command().get(script))
                .forEach(name -> checkShellPlaceholder(path + ".args." + name, tool.args().get(name))));
    }

    private void checkExecutable(String path, String executable, Path baseDir) {
        Path file = Path.of(executable);
        if (!file.isAbsolute()) {
            return;
        }
        Path normal = file.normalize();
        boolean trusted = normal.startsWith(baseDir.toAbsolutePath().normalize())
                || SYSTEM_DIRS.stream().anyMatch(dir -> normal.getParent() != null && normal.getParent().equals(dir));
        if (!trusted) {
            warnings.add(new Finding(path, "executable " + executable
                    + " is outside the registry's folder and the system directories " + SYSTEM_DIRS));
        }
    }

    private void checkPattern(String path, Pattern pattern) {
        if (admitsAny(pattern, probes("/", "x/", "/x", "%s/%s", "/%s", "%s/"))) {
            warnings.add(new Finding(path, "pattern " + pattern.pattern() + " admits '/' (a path out of the workspace)"));
        }
        if (admitsAny(pattern, probes("..", "../%s", "%s/..", "%s..%s", "..%s"))) {
            warnings.add(new Finding(path, "pattern " + pattern.pattern() + " admits '..'"));
        }
        if (admitsAny(pattern, probes("-", "-%s", "--%s", "-%s%s", "--%s=%s"))) {
            warnings.add(new Finding(path, "pattern " + pattern.pattern()
                    + " admits a leading '-' (an option smuggled in as a value)"));
        }
    }

    private void checkShellPlaceholder(String path, Pattern pattern) {
        if (pattern != null && admitsAny(pattern, shellProbes())) {
            warnings.add(new Finding(path, "placeholder inside a shell script (sh -c) whose pattern "
                    + pattern.pattern() + " admits shell syntax; anchor it to plain words"));
        }
    }

    /** The index of the script in {@code [sh, -c, script, …]}, when the tool is a shell script. */
    private static Optional<Integer> shellScriptIndex(List<String> command) {
        String shell = Path.of(command.get(0)).getFileName().toString();
        if (!SHELLS.contains(shell) || command.size() < 3) {
            return Optional.empty();
        }
        String flag = command.get(1);
        boolean dashC = flag.startsWith("-") && !flag.startsWith("--") && flag.contains("c");
        return dashC ? Optional.of(2) : Optional.empty();
    }

    private static boolean admitsAny(Pattern pattern, List<String> probes) {
        return probes.stream().anyMatch(probe -> pattern.matcher(probe).matches());
    }

    /** Each template with every {@code %s} filled by each seed (a pattern cannot be searched, only probed). */
    private static List<String> probes(String... templates) {
        List<String> probes = new ArrayList<>();
        for (String template : templates) {
            for (String seed : SEEDS) {
                probes.add(template.replace("%s", seed));
            }
        }
        return probes;
    }

    private static List<String> shellProbes() {
        List<String> probes = new ArrayList<>();
        for (String syntax : SHELL_SYNTAX) {
            for (String seed : SEEDS) {
                probes.add(seed + syntax + seed);
                probes.add(syntax + seed);
                probes.add(seed + syntax);
            }
            probes.add(syntax);
        }
        return probes;
    }

    static boolean isLoopback(URI url) {
        String host = url.getHost().toLowerCase(java.util.Locale.ROOT);
        return host.equals("localhost") || host.endsWith(".localhost") || host.equals("[::1]") || host.equals("::1")
                || host.matches("127(\\.\\d{1,3}){3}");
    }
}
