package org.holidaydesk.assistant.spelling;

/**
 * How far apart two spellings are, as guests misspell names: the optimal string alignment distance,
 * which counts an insertion, a deletion, a substitution or the swap of two neighbouring letters as one
 * mistake ("pesacrului" and "pescariului" are each one mistake from "pescarului"). Both the property
 * catalog, which resolves what a guest wrote, and the offline agent, which finds where a guest names a
 * property, measure typos with this one rule.
 *
 * <p>Apache Commons Text's {@code LevenshteinDistance} would count a swap as two mistakes, so
 * "Pesacrului" would no longer find "Pescarului" within the one mistake in four letters the tools allow.
 */
public final class EditDistance {

    private EditDistance() {}

    /** The number of mistakes between {@code a} and {@code b}. */
    public static int between(String a, String b) {
        int[] previous2 = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, previous2[j - 2] + 1);
                }
                current[j] = value;
            }
            int[] recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.length()];
    }

    /**
     * {@link #between} when it is at most {@code max}, otherwise some value above {@code max}. Cheap
     * rejections first (length, letters in common), then only the diagonal band of the table that can
     * stay within {@code max}, stopping as soon as a whole row is over it: a thousand names are checked
     * in well under a millisecond.
     */
    public static int within(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[] letters = new int[64];
        for (int i = 0; i < a.length(); i++) {
            letters[a.charAt(i) & 63]++;
        }
        for (int i = 0; i < b.length(); i++) {
            letters[b.charAt(i) & 63]--;
        }
        int surplus = 0;
        int deficit = 0;
        for (int count : letters) {
            if (count > 0) {
                surplus += count;
            } else {
                deficit -= count;
            }
        }
        // every edit fixes at most one surplus and one missing letter
        if (Math.max(surplus, deficit) > max) {
            return max + 1;
        }
        int over = max + 1;
        int[] previous2 = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j <= max ? j : over;
        }
        for (int i = 1; i <= a.length(); i++) {
            int from = Math.max(1, i - max);
            int to = Math.min(b.length(), i + max);
            current[0] = i <= max ? i : over;
            if (from > 1) {
                current[from - 1] = over;
            }
            int rowMinimum = current[0];
            for (int j = from; j <= to; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, previous2[j - 2] + 1);
                }
                current[j] = Math.min(value, over);
                rowMinimum = Math.min(rowMinimum, current[j]);
            }
            if (to < b.length()) {
                current[to + 1] = over;
            }
            if (rowMinimum > max) {
                return over;
            }
            int[] recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.length()];
    }
}
