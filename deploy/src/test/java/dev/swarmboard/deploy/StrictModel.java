package dev.swarmboard.deploy;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads a document into a resource model class (fabric8's Kubernetes types, Strimzi's API types) and
 * reports every field the model does not know. Both libraries keep unknown fields in an
 * {@code additionalProperties} map instead of failing, as the API server's pruning would drop them, so
 * after binding the object tree is walked and every non-empty such map is a problem with its path.
 */
final class StrictModel {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private StrictModel() {
    }

    /** The document bound to {@code type}; unknown fields and type errors land in {@code problems}. */
    static <T> T bind(Map<String, Object> document, Class<T> type, String where, List<String> problems) {
        T bound;
        try {
            bound = MAPPER.convertValue(document, type);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": " + e.getMessage());
            return null;
        }
        unknownFields(bound, "", where, problems);
        return bound;
    }

    private static void unknownFields(Object node, String path, String where, List<String> problems) {
        if (node == null || node instanceof CharSequence || node instanceof Number || node instanceof Boolean
                || node instanceof Enum<?>) {
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> unknownFields(value, path + "." + key, where, problems));
            return;
        }
        if (node instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                unknownFields(item, path + "[" + i++ + "]", where, problems);
            }
            return;
        }
        String owner = node.getClass().getPackageName();
        if (!owner.startsWith("io.fabric8") && !owner.startsWith("io.strimzi")) {
            return;
        }
        JavaType type = MAPPER.constructType(node.getClass());
        BeanDescription bean = MAPPER.getSerializationConfig().introspect(type);
        AnnotatedMember anyGetter = bean.findAnyGetter();
        if (anyGetter != null && anyGetter.getValue(node) instanceof Map<?, ?> extra && !extra.isEmpty()) {
            problems.add(where + ": unknown field(s) " + new ArrayList<>(extra.keySet()) + " at "
                    + (path.isEmpty() ? "the top" : path.substring(1)) + " of " + node.getClass().getSimpleName());
        }
        for (BeanPropertyDefinition property : bean.findProperties()) {
            AnnotatedMember accessor = property.getAccessor();
            if (accessor != null && !accessor.equals(anyGetter)) {
                unknownFields(accessor.getValue(node), path + "." + property.getName(), where, problems);
            }
        }
    }
}
