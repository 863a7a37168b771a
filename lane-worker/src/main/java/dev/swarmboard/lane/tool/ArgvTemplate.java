package dev.swarmboard.lane.tool;

import dev.swarmboard.capability.ToolSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a tool's argv template. Values are checked first: every argument must be one the tool
 * declares, every placeholder must be given, and every value must fully match its regex. Only then
 * is each {@code {name}} replaced, inside its own argv element, so a value can never add an element.
 * A value that would begin an element may not begin with {@code -}, whatever its pattern admits: it
 * would be read as an option ({@code -rf}, {@code --output=/etc/x}). An option the tool needs is
 * written in the template ({@code --mode={mode}}), where the value follows a literal.
 */
final class ArgvTemplate {

    private ArgvTemplate() {
    }

    /** Every reason the arguments cannot be used, each naming its argument; empty when they can. */
    static List<String> problems(ToolSpec spec, Map<String, String> args) {
        List<String> problems = new ArrayList<>();
        new TreeSet<>(args.keySet()).stream()
                .filter(name -> !spec.args().containsKey(name))
                .forEach(name -> problems.add("unknown argument '" + name + "'"));
        for (String name : placeholders(spec)) {
            String value = args.get(name);
            Pattern allowed = spec.args().get(name);
            if (allowed == null) {
                problems.add("argument '" + name + "' has no regex in the registry");
            } else if (value == null) {
                problems.add("missing argument '" + name + "'");
            } else if (!allowed.matcher(value).matches()) {
                problems.add("argument '" + name + "' does not match " + allowed.pattern());
            } else if (value.startsWith("-") && leadsAnElement(spec, name)) {
                problems.add("argument '" + name + "' starts with '-' and would be read as an option; an option "
                        + "belongs in the tool's command template");
            }
        }
        return problems;
    }

    /** The argv with every placeholder replaced; call only when {@link #problems} found none. */
    static List<String> fill(ToolSpec spec, Map<String, String> args) {
        List<String> argv = new ArrayList<>();
        for (String element : spec.command()) {
            Matcher matcher = ToolSpec.PLACEHOLDER.matcher(element);
            StringBuilder filled = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(filled, Matcher.quoteReplacement(args.get(matcher.group(1))));
            }
            matcher.appendTail(filled);
            argv.add(filled.toString());
        }
        return argv;
    }

    /** Whether some argv element starts with this placeholder, so the value would be its first character. */
    private static boolean leadsAnElement(ToolSpec spec, String name) {
        return spec.command().stream().anyMatch(element -> element.startsWith("{" + name + "}"));
    }

    private static TreeSet<String> placeholders(ToolSpec spec) {
        TreeSet<String> names = new TreeSet<>();
        spec.command().forEach(element -> names.addAll(ToolSpec.placeholders(element)));
        return names;
    }
}
