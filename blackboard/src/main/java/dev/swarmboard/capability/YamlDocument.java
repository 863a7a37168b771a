package dev.swarmboard.capability;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One YAML document read for validation: its tree, the line of every path in it, and the errors found
 * so far. Readers report their errors here too, so a file's problems are listed together, each with its
 * path ({@code tools.unit-tests.command[2]}) and line.
 */
public final class YamlDocument {

    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, Integer> lines = new HashMap<>();
    private final List<ConfigError> errors = new ArrayList<>();
    private JsonNode root = MissingNode.getInstance();

    private YamlDocument() {
    }

    /** Reads one YAML document; syntax errors and duplicate keys are recorded, not thrown. */
    public static YamlDocument parse(String yaml) {
        YamlDocument document = new YamlDocument();
        try (JsonParser parser = YAML.createParser(yaml)) {
            if (parser.nextToken() == null) {
                document.reject("", "the document is empty");
                return document;
            }
            document.lines.put("", line(parser.currentTokenLocation()));
            document.root = document.read(parser, "");
            if (parser.nextToken() != null) {
                document.errors.add(new ConfigError("", line(parser.currentTokenLocation()),
                        "only one YAML document is allowed"));
            }
        } catch (JacksonException e) {
            document.errors.add(new ConfigError("", line(e.getLocation()), "invalid YAML: " + e.getOriginalMessage()));
        } catch (IOException e) {
            document.reject("", "cannot read YAML: " + e.getMessage());
        }
        return document;
    }

    /** The top-level mapping, or empty (with an error recorded) when the document is not a mapping. */
    public Optional<YamlMapping> root() {
        if (root instanceof ObjectNode mapping) {
            return Optional.of(new YamlMapping(this, "", mapping));
        }
        if (errors.isEmpty()) {
            reject("", "the document must be a mapping");
        }
        return Optional.empty();
    }

    /** Records an error at a path; a path that is not in the file (a missing key) takes its parent's line. */
    public void reject(String path, String message) {
        errors.add(new ConfigError(path, lineOf(path), message));
    }

    public List<ConfigError> errors() {
        return List.copyOf(errors);
    }

    /** The value built by {@code build} when no error was found, otherwise every error. */
    public <T> Parsed<T> result(Supplier<T> build) {
        return errors.isEmpty() ? Parsed.valid(build.get()) : Parsed.invalid(errors);
    }

    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The line of a path in the file; a path not in the file takes its nearest ancestor's line (0 = unknown). */
    public int lineOf(String path) {
        String current = path;
        while (!lines.containsKey(current) && !current.isEmpty()) {
            int cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
            current = cut < 0 ? "" : current.substring(0, cut);
        }
        return lines.getOrDefault(current, 0);
    }

    private JsonNode read(JsonParser parser, String path) throws IOException {
        JsonToken token = parser.currentToken();
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            // Jackson reads an alias as the anchor's name (`*g` as "g"): refuse rather than misread.
            // An anchor alone reads as its value, so only the alias is an error; nothing is ever expanded.
            errors.add(new ConfigError(path, line(parser.currentTokenLocation()), "YAML alias *" + parser.getText()
                    + " is not supported: write the value out"));
            return NODES.nullNode();
        }
        return switch (token) {
            case START_OBJECT -> readMapping(parser, path);
            case START_ARRAY -> readSequence(parser, path);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(parser.getBooleanValue());
            case VALUE_NULL -> NODES.nullNode();
            default -> {
                reject(path, "unsupported YAML value (" + token + ")");
                yield NODES.nullNode();
            }
        };
    }

    private ObjectNode readMapping(JsonParser parser, String path) throws IOException {
        ObjectNode mapping = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            String keyPath = child(path, key);
            int keyLine = line(parser.currentTokenLocation());
            parser.nextToken();
            JsonNode value = read(parser, keyPath);
            if (mapping.has(key)) {
                errors.add(new ConfigError(keyPath, keyLine, "duplicate key"));
            } else {
                lines.put(keyPath, keyLine);
                mapping.set(key, value);
            }
        }
        return mapping;
    }

    private ArrayNode readSequence(JsonParser parser, String path) throws IOException {
        ArrayNode sequence = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String itemPath = element(path, sequence.size());
            lines.put(itemPath, line(parser.currentTokenLocation()));
            sequence.add(read(parser, itemPath));
        }
        return sequence;
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : Math.max(location.getLineNr(), 0);
    }
}
