package dev.swarmboard.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmboard.blackboard.EventOrigin;
import dev.swarmboard.blackboard.Events;
import dev.swarmboard.schema.BlackboardEvent;
import dev.swarmboard.schema.event.MissionCancelled;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactVerifierTest {

    private static final KeyPair ORCHESTRATOR = Ed25519Keys.generate();
    private static final KeyPair LANE_WORKER = Ed25519Keys.generate();
    private static final KeyPair STRANGER = Ed25519Keys.generate();

    private final FactVerifier verifier = FactVerifier.trusting(TrustFile.parse(TrustFileText.HEADER
            + TrustFileText.entry("orchestrator-1", ORCHESTRATOR.getPublic(), List.of("orchestrator"))
            + TrustFileText.entry("lane-worker-1", LANE_WORKER.getPublic(), List.of("lane-worker")))
            .orThrow("test"), "test");

    private static BlackboardEvent cancellation() {
        return Events.create(EventOrigin.mission("m-1", "orchestrator/test"),
                new MissionCancelled("user asked", "alice", List.of()), Instant.parse("2026-12-01T00:00:00Z"), "m-1", "c");
    }

    private static BlackboardEvent signed(String keyId, KeyPair pair) {
        return FactSigner.of(keyId, pair.getPrivate()).sign(cancellation());
    }

    @Test
    void shouldVerifyAFactSignedByAKeyAllowedForItsType() {
        // Given a cancellation signed by the orchestrator's key
        BlackboardEvent event = signed("orchestrator-1", ORCHESTRATOR);

        // When checked against the trust file
        FactCheck check = verifier.check(event);

        // Then it is verified and names its signer
        assertThat(check.status()).isEqualTo(FactCheck.Status.VERIFIED);
        assertThat(check.signer()).isEqualTo("orchestrator-1");
        assertThat(event.getHeader().getSignature().remaining()).isEqualTo(64);
    }

    @Test
    void shouldNotChangeTheEventItSigns() {
        BlackboardEvent unsigned = cancellation();

        FactSigner.of("orchestrator-1", ORCHESTRATOR.getPrivate()).sign(unsigned);

        assertThat(unsigned.getHeader().getSignature()).isNull();
        assertThat(unsigned.getHeader().getSignerKeyId()).isNull();
    }

    @Test
    void shouldRefuseATamperedPayload() {
        BlackboardEvent event = signed("orchestrator-1", ORCHESTRATOR);

        ((MissionCancelled) event.getPayload()).setReason("someone else asked");

        assertThat(verifier.check(event).problem()).isEqualTo("the payload does not match the signed contentHash");
    }

    @Test
    void shouldRefuseATamperedHeaderOrSignature() {
        BlackboardEvent event = signed("orchestrator-1", ORCHESTRATOR);
        BlackboardEvent otherMission = signed("orchestrator-1", ORCHESTRATOR);
        otherMission.getHeader().setMissionId("m-2");
        BlackboardEvent flipped = signed("orchestrator-1", ORCHESTRATOR);
        byte[] signature = flipped.getHeader().getSignature().array().clone();
        signature[10] ^= 1;
        flipped.getHeader().setSignature(ByteBuffer.wrap(signature));

        assertThat(verifier.check(event).accepted()).isTrue();
        assertThat(verifier.check(otherMission).problem()).isEqualTo(
                "the signature does not verify under key orchestrator-1");
        assertThat(verifier.check(flipped).problem()).isEqualTo(
                "the signature does not verify under key orchestrator-1");
    }

    @Test
    void shouldRefuseAKeyNotAllowedForTheType() {
        // Given a lane worker's key signing an orchestrator fact
        FactCheck check = verifier.check(signed("lane-worker-1", LANE_WORKER));

        assertThat(check.status()).isEqualTo(FactCheck.Status.REFUSED);
        assertThat(check.problem()).isEqualTo("key lane-worker-1 may not sign a MissionCancelled");
    }

    @Test
    void shouldRefuseAKeyPassedOffUnderAnotherId() {
        // A stranger's signature under the orchestrator's key id
        FactCheck check = verifier.check(signed("orchestrator-1", STRANGER));

        assertThat(check.problem()).isEqualTo("the signature does not verify under key orchestrator-1");
    }

    @Test
    void shouldRefuseAnUnknownKeyAndAMissingSignature() {
        assertThat(verifier.check(signed("stranger", STRANGER)).problem())
                .isEqualTo("key stranger is not in the trust file");
        FactCheck unsigned = verifier.check(cancellation());
        assertThat(unsigned.signer()).isEqualTo(FactCheck.UNSIGNED);
        assertThat(unsigned.problem()).isEqualTo("the fact is not signed");
    }

    @Test
    void shouldRefuseAHeaderTypeThatDoesNotNameThePayload() {
        // A lane worker relabels an orchestrator fact as one of its own receipts and signs it
        BlackboardEvent event = cancellation();
        event.getHeader().setType("LaneStarted");
        BlackboardEvent relabelled = FactSigner.of("lane-worker-1", LANE_WORKER.getPrivate()).sign(event);

        assertThat(verifier.check(relabelled).problem())
                .isEqualTo("header type LaneStarted does not name the payload, a MissionCancelled");
    }

    @Test
    void shouldAcceptEveryFactUnauthenticatedWithoutATrustFile() {
        FactVerifier open = FactVerifier.unauthenticated();

        assertThat(open.enforces()).isFalse();
        assertThat(open.check(cancellation())).isEqualTo(FactCheck.unauthenticated("unsigned"));
        assertThat(open.check(signed("stranger", STRANGER))).isEqualTo(FactCheck.unauthenticated("stranger"));
    }

    @Test
    void shouldLeaveFactsUnsignedWithoutAKey() {
        BlackboardEvent event = cancellation();

        assertThat(FactSigner.UNSIGNED.sign(event)).isSameAs(event);
        assertThat(FactSigner.UNSIGNED.toString()).isEqualTo("unsigned");
    }
}
