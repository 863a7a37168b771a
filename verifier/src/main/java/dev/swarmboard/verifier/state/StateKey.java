package dev.swarmboard.verifier.state;

/**
 * Keys of the verifier's state entries: {@code <length of mission id>:<mission id>/<kind><sub key>}.
 * The length makes every mission's entries one unambiguous key prefix, so one prefix scan loads a
 * mission and one deletes it, whatever characters its id holds. Sequence numbers are zero-padded so
 * entries of a list come back in log order.
 */
record StateKey(Kind kind, String sub) {

    /** What an entry holds; the letter is the first character after the mission prefix. */
    enum Kind {
        SUMMARY('S'), PLAN('P'), LANE('L'), OUTCOME('O'), TOOL_USE('T'), ANOMALY('A'), EVENT_HASH('H');

        private final char letter;

        Kind(char letter) {
            this.letter = letter;
        }

        static Kind of(char letter) {
            for (Kind kind : values()) {
                if (kind.letter == letter) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown verifier state entry kind '" + letter + "'");
        }
    }

    static String prefix(String missionId) {
        return missionId.length() + ":" + missionId + "/";
    }

    static String of(String missionId, Kind kind, String sub) {
        return prefix(missionId) + kind.letter + sub;
    }

    static String sequence(String missionId, Kind kind, int index) {
        return of(missionId, kind, SortableNumber.zeroPadded(index, 9));
    }

    /** The kind and sub key of a key under {@code prefix(missionId)}. */
    static StateKey parse(String missionId, String key) {
        int start = prefix(missionId).length();
        return new StateKey(Kind.of(key.charAt(start)), key.substring(start + 1));
    }
}
