package dev.swarmboard.lane.context;

import dev.swarmboard.codec.ContentHash;
import dev.swarmboard.lane.model.ChatMessage;
import dev.swarmboard.schema.EvidenceRef;
import dev.swarmboard.schema.FileRef;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What one model call is shown: the messages, the receipts and repository files (path, blob id) they were
 * built from, notes on what a byte budget left out, and the prompt hash:
 * SHA-256 over each message's role and content, each followed by a NUL byte.
 */
public record StageContext(List<ChatMessage> messages, List<EvidenceRef> refs, String promptHash,
                           List<FileRef> files, List<String> notes) {

    public StageContext {
        messages = List.copyOf(messages);
        refs = List.copyOf(refs);
        files = List.copyOf(files);
        notes = List.copyOf(notes);
    }

    public static StageContext of(List<ChatMessage> messages, List<EvidenceRef> refs) {
        return of(messages, refs, List.of(), List.of());
    }

    /** A context that also showed repository files, with what it left out and why. */
    public static StageContext of(List<ChatMessage> messages, List<EvidenceRef> refs, List<FileRef> files,
                                  List<String> notes) {
        return new StageContext(messages, refs, promptHash(messages), files, notes);
    }

    public static String promptHash(List<ChatMessage> messages) {
        StringBuilder canonical = new StringBuilder();
        for (ChatMessage message : messages) {
            canonical.append(message.role()).append('\0').append(message.content()).append('\0');
        }
        return ContentHash.sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }
}
