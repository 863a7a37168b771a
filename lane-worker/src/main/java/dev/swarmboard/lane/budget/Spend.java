package dev.swarmboard.lane.budget;

/** Tokens (in + out) and US dollars: what a mission has spent, or what a call may spend. */
public record Spend(long tokens, double usd) {

    public static final Spend NONE = new Spend(0, 0.0);

    public Spend plus(Spend other) {
        return new Spend(tokens + other.tokens, usd + other.usd);
    }
}
