package dev.swarmboard.orchestrator.service;

/**
 * Called after a batch's outputs and offsets were sent and before the transaction commits. The
 * service uses none; tests use it to stop the process at the worst moment.
 */
@FunctionalInterface
interface CommitHook {

    CommitHook NONE = () -> { };

    void beforeCommit();
}
