package io.riskstream.factor.domain.returns;

/** Half-open range [from, to) of return rows. */
public record ReturnRange(int from, int to) {

    public ReturnRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("bad range [" + from + ", " + to + ")");
        }
    }

    public int size() {
        return to - from;
    }
}
