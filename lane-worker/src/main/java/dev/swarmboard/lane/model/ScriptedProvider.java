package dev.swarmboard.lane.model;

import dev.swarmboard.capability.CapabilityRegistry;
import dev.swarmboard.capability.Parsed;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Answers model calls from a script, deterministically, for offline runs and tests. The most specific
 * matching entry answers (see {@link ScriptedResponse#specificity}); ties go to the first in the file;
 * a call no entry answers fails closed. Token counts not given in the script are derived from text
 * length (four characters a token), so the same script always yields the same receipts.
 */
public final class ScriptedProvider implements ModelProvider {

    private static final int CHARS_PER_TOKEN = 4;

    private final List<ScriptedResponse> responses;
    private final Sleeper sleeper;

    public ScriptedProvider(List<ScriptedResponse> responses, Sleeper sleeper) {
        this.responses = List.copyOf(responses);
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Loads and validates a script file once; throws listing every error in it. */
    public static ScriptedProvider load(Path script, Sleeper sleeper) {
        Path absolute = script.toAbsolutePath();
        return new ScriptedProvider(parse(CapabilityRegistry.readFile(absolute)).orThrow(absolute.toString()), sleeper);
    }

    public static Parsed<List<ScriptedResponse>> parse(String yaml) {
        return ScriptReader.read(yaml);
    }

    @Override
    public ModelResponse complete(ModelRequest request) throws ModelCallException {
        ScriptedResponse response = bestMatch(request.key());
        if (!response.latency().isZero()) {
            try {
                sleeper.sleep(response.latency());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModelCallException(request.modelKey() + ": interrupted during simulated latency", List.of());
            }
        }
        long tokensIn = response.tokensIn().orElseGet(() -> tokens(request.messages().stream()
                .mapToLong(message -> message.content().length()).sum()));
        long tokensOut = response.tokensOut().orElseGet(() -> tokens(response.output().length()));
        return new ModelResponse(response.output(), request.spec().model(), tokensIn, tokensOut,
                request.spec().pricing().costUsd(tokensIn, tokensOut), response.latency().toMillis(), List.of());
    }

    private ScriptedResponse bestMatch(CallKey key) throws ModelCallException {
        ScriptedResponse best = null;
        int bestSpecificity = ScriptedResponse.NO_MATCH;
        for (ScriptedResponse candidate : responses) {
            int specificity = candidate.specificity(key);
            if (specificity > bestSpecificity) {
                best = candidate;
                bestSpecificity = specificity;
            }
        }
        if (best == null) {
            throw new ModelCallException("no scripted response for lane=" + key.laneId() + " stage=" + key.stage()
                    + " attempt=" + key.attempt(), List.of());
        }
        return best;
    }

    private static long tokens(long chars) {
        return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }
}
