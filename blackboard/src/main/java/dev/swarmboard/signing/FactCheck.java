package dev.swarmboard.signing;

/**
 * What {@link FactVerifier} found for one fact: who signed it (a key id, or {@code unsigned}) and
 * whether it is verified, accepted without a trust file, or refused with the reason.
 */
public record FactCheck(Status status, String signer, String problem) {

    /** Shown for a fact without a signature. */
    public static final String UNSIGNED = "unsigned";

    /** The outcomes of a check. */
    public enum Status {
        /** The signature verifies under a trusted key allowed to write the fact's type. */
        VERIFIED,
        /** No trust file: the fact is taken as it is. */
        UNAUTHENTICATED,
        /** Missing, wrong or unauthorised signature under a trust file: the fact does not count. */
        REFUSED
    }

    public static FactCheck verified(String signer) {
        return new FactCheck(Status.VERIFIED, signer, null);
    }

    public static FactCheck unauthenticated(String signer) {
        return new FactCheck(Status.UNAUTHENTICATED, signer, null);
    }

    public static FactCheck refused(String signer, String problem) {
        return new FactCheck(Status.REFUSED, signer, problem);
    }

    public boolean accepted() {
        return status != Status.REFUSED;
    }
}
