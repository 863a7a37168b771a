package dev.swarmboard.console.view;

import java.util.List;

/** One quorum round: the verdict, each validator's vote and reasons, and the lanes that failed it. */
public record VerdictView(int round, String verdict, int threshold, List<Vote> votes, List<String> failingLanes) {

    /** One validator's vote. */
    public record Vote(String validator, boolean pass, List<String> reasons) {
    }
}
