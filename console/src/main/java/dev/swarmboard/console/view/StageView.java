package dev.swarmboard.console.view;

/**
 * One stage of a lane attempt as a person watches it: planned, started (its model calls are under
 * way) or done, with the receipt that carries its artifact.
 *
 * @param state     {@code PLANNED}, {@code STARTED} or {@code DONE}
 * @param models    model keys announced by StageStarted, or the model of the receipt
 * @param output    the artifact text (model output), as written; escape before showing
 */
public record StageView(String name, String state, String artifact, String models, String output, long tokens,
                        double costUsd, long latencyMs) {

    static StageView planned(String name) {
        return new StageView(name, "PLANNED", "", "", "", 0, 0, 0);
    }

    StageView started(String modelKeys) {
        return new StageView(name, "STARTED", artifact, modelKeys, output, tokens, costUsd, latencyMs);
    }

    StageView completed(String artifactName, String model, String text, long moreTokens, double moreCost,
                        long latency) {
        boolean carriesArtifact = !artifactName.isEmpty();
        return new StageView(name, carriesArtifact ? "DONE" : "STARTED", carriesArtifact ? artifactName : artifact,
                model, carriesArtifact ? text : output, tokens + moreTokens, costUsd + moreCost, latency);
    }
}
