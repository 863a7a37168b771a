package dev.swarmboard.capability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A mapping inside a {@link YamlDocument}, read field by field. Each read checks the value's type and
 * range; a wrong value is recorded as an error at its path and the read returns empty (or the fallback),
 * so reading goes on and every error of the file is collected.
 */
public final class YamlMapping {

    private final YamlDocument document;
    private final String path;
    private final ObjectNode node;

    YamlMapping(YamlDocument document, String path, ObjectNode node) {
        this.document = document;
        this.path = path;
        this.node = node;
    }

    public String path() {
        return path;
    }

    public String pathOf(String key) {
        return YamlDocument.child(path, key);
    }

    /** The keys of this mapping, in file order. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    public boolean has(String key) {
        return node.has(key);
    }

    /** Records an error for every key not in {@code allowed} (fail closed: a misspelt key is never ignored). */
    public void rejectUnknownKeys(Collection<String> allowed) {
        for (String key : keys()) {
            if (!allowed.contains(key)) {
                reject(key, "unknown key (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    /** Records an error at {@code key} of this mapping. */
    public void reject(String key, String message) {
        document.reject(pathOf(key), message);
    }

    /** Records that a required key is absent; returns empty for use as a read result. */
    public <T> Optional<T> required(String key, Optional<T> value) {
        if (!has(key)) {
            reject(key, "required");
        }
        return value;
    }

    public Optional<String> text(String key) {
        return read(key, JsonNode::isTextual, JsonNode::textValue, "must be a string");
    }

    public String text(String key, String fallback) {
        return text(key).orElse(fallback);
    }

    public boolean bool(String key, boolean fallback) {
        return read(key, JsonNode::isBoolean, JsonNode::booleanValue, "must be true or false").orElse(fallback);
    }

    public int positiveInt(String key, int fallback) {
        return intAtLeast(key, 1, "must be > 0").orElse(fallback);
    }

    public Optional<Integer> positiveInt(String key) {
        return intAtLeast(key, 1, "must be > 0");
    }

    public int nonNegativeInt(String key, int fallback) {
        return intAtLeast(key, 0, "must be >= 0").orElse(fallback);
    }

    public Optional<Integer> nonNegativeInt(String key) {
        return intAtLeast(key, 0, "must be >= 0");
    }

    public double nonNegativeNumber(String key, double fallback) {
        Optional<Double> value = read(key, JsonNode::isNumber, JsonNode::doubleValue, "must be a number");
        if (value.isPresent() && !(value.get() >= 0)) {
            reject(key, "must be >= 0");
            return fallback;
        }
        return value.orElse(fallback);
    }

    /** A list of strings; each element that is not a string is an error at its own index. */
    public Optional<List<String>> texts(String key) {
        return elements(key, "must be a list of strings").map(items -> {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).isTextual()) {
                    texts.add(items.get(i).textValue());
                } else {
                    document.reject(YamlDocument.element(pathOf(key), i), "must be a string");
                }
            }
            return texts;
        });
    }

    public Optional<YamlMapping> mapping(String key) {
        return read(key, JsonNode::isObject, value -> new YamlMapping(document, pathOf(key), (ObjectNode) value),
                "must be a mapping");
    }

    /** A list of mappings; each element that is not a mapping is an error at its own index. */
    public Optional<List<YamlMapping>> mappings(String key) {
        return elements(key, "must be a list of mappings").map(items -> {
            List<YamlMapping> mappings = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String itemPath = YamlDocument.element(pathOf(key), i);
                if (items.get(i) instanceof ObjectNode item) {
                    mappings.add(new YamlMapping(document, itemPath, item));
                } else {
                    document.reject(itemPath, "must be a mapping");
                }
            }
            return mappings;
        });
    }

    private Optional<List<JsonNode>> elements(String key, String expected) {
        return read(key, JsonNode::isArray, value -> {
            List<JsonNode> items = new ArrayList<>();
            value.elements().forEachRemaining(items::add);
            return items;
        }, expected);
    }

    private Optional<Integer> intAtLeast(String key, int min, String rangeMessage) {
        Optional<Integer> value = read(key, candidate -> candidate.isIntegralNumber() && candidate.canConvertToInt(),
                JsonNode::intValue, "must be an integer");
        if (value.isPresent() && value.get() < min) {
            reject(key, rangeMessage);
            return Optional.empty();
        }
        return value;
    }

    private <T> Optional<T> read(String key, Predicate<JsonNode> accepts, Function<JsonNode, T> convert,
            String expected) {
        JsonNode value = node.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!accepts.test(value)) {
            reject(key, expected);
            return Optional.empty();
        }
        return Optional.of(convert.apply(value));
    }
}
