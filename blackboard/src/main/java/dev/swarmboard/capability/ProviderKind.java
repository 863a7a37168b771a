package dev.swarmboard.capability;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of model provider a registry may name; any other name is rejected. */
public enum ProviderKind {
    /** Any OpenAI-compatible chat-completions endpoint (OpenRouter, vLLM, Ollama, llama.cpp server). */
    OPENAI("openai"),
    /** Deterministic responses from a script file, for offline runs and tests. */
    SCRIPTED("scripted");

    private final String wireName;

    ProviderKind(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in registry files and on the blackboard. */
    public String wireName() {
        return wireName;
    }

    public static Optional<ProviderKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst();
    }
}
