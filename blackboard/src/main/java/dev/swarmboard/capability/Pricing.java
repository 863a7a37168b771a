package dev.swarmboard.capability;

/** What a model costs, in US dollars per million input and output tokens. */
public record Pricing(double inputUsdPerMillion, double outputUsdPerMillion) {

    public static final Pricing FREE = new Pricing(0.0, 0.0);

    public Pricing {
        if (!(inputUsdPerMillion >= 0) || !(outputUsdPerMillion >= 0)) {
            throw new IllegalArgumentException("prices must be >= 0");
        }
    }

    /** The cost of one call with these token counts. */
    public double costUsd(long tokensIn, long tokensOut) {
        return (tokensIn * inputUsdPerMillion + tokensOut * outputUsdPerMillion) / 1_000_000.0;
    }
}
