package dev.swarmboard.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The YAML documents of a manifest file as plain maps, read as kubectl and Compose read them: anchors,
 * aliases and merge keys resolved, a duplicate key refused, empty documents skipped.
 */
final class YamlDocuments {

    /** One document: its file, its place in the file, its content. */
    record Document(Path file, int index, Map<String, Object> content) {

        String kind() {
            return String.valueOf(content.get("kind"));
        }

        String apiVersion() {
            return String.valueOf(content.get("apiVersion"));
        }

        @SuppressWarnings("unchecked")
        String name() {
            Object metadata = content.get("metadata");
            return metadata instanceof Map<?, ?> map ? String.valueOf(((Map<String, Object>) map).get("name")) : "?";
        }

        /** Where the document is, for messages: {@code file#index kind/name}. */
        String where() {
            return file.getFileName() + "#" + index + " " + kind() + "/" + name();
        }
    }

    private YamlDocuments() {
    }

    static List<Document> read(Path file) {
        try {
            return parse(file, Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Document> parse(Path file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<Document> documents = new ArrayList<>();
        int index = 0;
        for (Object document : new Yaml(options).loadAll(text)) {
            if (document != null) {
                if (!(document instanceof Map<?, ?>)) {
                    throw new IllegalArgumentException(file + "#" + index + " is not a mapping");
                }
                documents.add(new Document(file, index, (Map<String, Object>) document));
            }
            index++;
        }
        return documents;
    }
}
