package dev.workshopbot.content;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

/** Refuses trees deeper than {@link #MAX_NESTING}: the page walk recurses per level, and no real page nests this deep. */
final class NestingLimit {

    static final int MAX_NESTING = 64;

    /** What is too deep: the first node past the limit and the deepest level reached. */
    record TooDeep(Node first, int deepest) {}

    private NestingLimit() {}

    /** The first node deeper than the limit, walked by parent links since recursion is what it would break; or null. */
    static TooDeep check(Document document) {
        int depth = 0;
        int deepest = 0;
        Node first = null;
        Node node = document.getFirstChild();
        while (node != null) {
            depth++;
            if (depth > deepest) {
                deepest = depth;
                if (depth > MAX_NESTING && first == null) {
                    first = node;
                }
            }
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            while (node != null && node != document && node.getNext() == null) {
                node = node.getParent();
                depth--;
            }
            if (node == null || node == document) {
                break;
            }
            node = node.getNext();
            depth--;
        }
        return first == null ? null : new TooDeep(first, deepest);
    }
}
