package dev.swarmboard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A JSON schema that documents are validated against: the OpenAPI v3 schema of a
 * CustomResourceDefinition (KEDA's ScaledObject), made strict the way {@code kubectl apply
 * --validate=strict} is (an object schema with properties admits no other field unless it says
 * {@code x-kubernetes-preserve-unknown-fields}), or a plain JSON schema such as the Compose
 * specification's, which is strict already.
 */
final class StrictSchema {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonSchema schema;

    private StrictSchema(JsonSchema schema) {
        this.schema = schema;
    }

    /** The schema of {@code version} in the CRD test resource {@code resource}. */
    static StrictSchema ofCrd(String resource, String version) {
        JsonNode crd = JSON.valueToTree(YamlDocuments.parse(java.nio.file.Path.of(resource), text(resource))
                .get(0).content());
        for (JsonNode served : crd.path("spec").path("versions")) {
            if (served.path("name").asText().equals(version)) {
                JsonNode openApi = served.path("schema").path("openAPIV3Schema").deepCopy();
                closeObjects(openApi);
                return new StrictSchema(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(openApi));
            }
        }
        throw new IllegalArgumentException(resource + " has no version " + version);
    }

    /** A JSON schema (draft 7) from the test resource {@code resource}. */
    static StrictSchema ofJsonSchema(String resource) {
        try {
            JsonNode node = JSON.readTree(text(resource));
            // A relative $id ("compose_spec.json") names no base URI; the schema refers to itself by "#/...".
            ((ObjectNode) node).remove("$id");
            return new StrictSchema(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(node));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + resource, e);
        }
    }

    /** Every violation of the schema, each with its JSON path. */
    List<String> problems(Map<String, Object> document, String where) {
        return schema.validate(JSON.valueToTree(document)).stream().map(ValidationMessage::getMessage)
                .sorted().map(message -> where + ": " + message).toList();
    }

    private static void closeObjects(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            object.forEach(StrictSchema::closeObjects);
        } else if (node != null && node.isArray()) {
            node.forEach(StrictSchema::closeObjects);
        }
    }

    private static String text(String resource) {
        try (InputStream in = StrictSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
