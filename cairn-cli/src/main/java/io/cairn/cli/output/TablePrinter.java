package io.cairn.cli.output;

import java.io.PrintWriter;
import java.util.List;

/** Aligned columns for people; null cells print as {@code -}. */
public final class TablePrinter implements Printer {

    @Override
    public void print(Table table, PrintWriter out) {
        int[] widths = new int[table.columns().size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = table.columns().get(i).length();
            for (List<String> row : table.rows()) {
                widths[i] = Math.max(widths[i], cell(row.get(i)).length());
            }
        }
        printRow(table.columns(), widths, out);
        for (List<String> row : table.rows()) {
            printRow(row, widths, out);
        }
        out.flush();
    }

    private static void printRow(List<String> cells, int[] widths, PrintWriter out) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cell(cells.get(i));
            line.append(cell);
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - cell.length() + 2));
            }
        }
        out.println(line);
    }

    private static String cell(String value) {
        return value == null ? "-" : value;
    }
}
