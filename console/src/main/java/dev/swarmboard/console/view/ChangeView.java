package dev.swarmboard.console.view;

/** One change a stage applied to the lane's checkout: the normalized diff and the tree it led to. */
public record ChangeView(String stage, String treeId, String diff) {
}
