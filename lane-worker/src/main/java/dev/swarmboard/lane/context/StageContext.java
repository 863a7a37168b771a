package dev.swarmboard.lane.context;

import dev.swarmboard.codec.ContentHash;
import dev.swarmboard.lane.model.ChatMessage;
import dev.swarmboard.schema.EvidenceRef;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What one model call is shown: the messages, the receipts they were built from, and the prompt hash:
 * SHA-256 over each message's role and content, each followed by a NUL byte.
 */
public record StageContext(List<ChatMessage> messages, List<EvidenceRef> refs, String promptHash) {

    public StageContext {
        messages = List.copyOf(messages);
        refs = List.copyOf(refs);
    }

    public static StageContext of(List<ChatMessage> messages, List<EvidenceRef> refs) {
        return new StageContext(messages, refs, promptHash(messages));
    }

    public static String promptHash(List<ChatMessage> messages) {
        StringBuilder canonical = new StringBuilder();
        for (ChatMessage message : messages) {
            canonical.append(message.role()).append('\0').append(message.content()).append('\0');
        }
        return ContentHash.sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }
}
