package dev.workshopbot.content;

import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * A GFM table as a {@link Block.Kind#TABLE} block whose children are its rows and whose rows' children are its
 * cells, so a renderer can align the columns; {@code plain} is the rows as {@code a | b} lines, for search.
 * A header cell carries the attribute {@code header}, an aligned cell {@code align=left|center|right}.
 */
final class TableReader {

    private final Inlines inlines;

    TableReader(Inlines inlines) {
        this.inlines = inlines;
    }

    Block read(TableBlock table, int line, List<String> attributes) {
        List<Block> rows = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        for (Node row : descendants(table, TableRow.class)) {
            if (row.getParent() instanceof TableSeparator) {
                continue;
            }
            boolean header = row.getParent() instanceof TableHead;
            List<Block> cells = new ArrayList<>();
            StringBuilder rowPlain = new StringBuilder();
            for (Node node = row.getFirstChild(); node != null; node = node.getNext()) {
                if (!(node instanceof TableCell cell)) {
                    continue;
                }
                Inlines.Rendered text = inlines.render(cell);
                List<String> cellAttributes = new ArrayList<>();
                if (header) {
                    cellAttributes.add("header");
                }
                if (cell.getAlignment() != null) {
                    cellAttributes.add("align=" + cell.getAlignment().name().toLowerCase(java.util.Locale.ROOT));
                }
                cells.add(new Block(Block.Kind.CELL, text.plain(), text.spans(), Inlines.line(cell), cellAttributes));
                rowPlain.append(cells.size() == 1 ? "" : " | ").append(text.plain());
            }
            if (plain.length() > 0) {
                plain.append('\n');
            }
            plain.append(rowPlain);
            rows.add(new Block(
                    Block.Kind.ROW,
                    rowPlain.toString(),
                    List.of(),
                    Inlines.line(row),
                    header ? List.of("header") : List.of(),
                    null,
                    cells));
        }
        return new Block(Block.Kind.TABLE, plain.toString(), List.of(), line, attributes, null, rows);
    }

    private static List<Node> descendants(Node root, Class<? extends Node> type) {
        List<Node> out = new ArrayList<>();
        for (Node child = root.getFirstChild(); child != null; child = child.getNext()) {
            if (type.isInstance(child)) {
                out.add(child);
            } else {
                out.addAll(descendants(child, type));
            }
        }
        return out;
    }
}
