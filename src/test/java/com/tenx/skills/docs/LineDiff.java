package com.tenx.skills.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts (longest common subsequence): {@code "- "} for lines only in
 * the first, {@code "+ "} for lines only in the second, {@code "  "} for lines in both.
 */
final class LineDiff {

    private LineDiff() {
    }

    static String of(String first, String second) {
        List<String> a = first.lines().toList();
        List<String> b = second.lines().toList();
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                out.add("  " + a.get(i++));
                j++;
            }
            else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
                out.add("- " + a.get(i++));
            }
            else {
                out.add("+ " + b.get(j++));
            }
        }
        return String.join("\n", out);
    }

}
