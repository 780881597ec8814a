package io.cairn.cli.output;

import java.io.PrintWriter;
import java.util.List;

/**
 * CSV (RFC 4180 quoting) or TSV (tabs and newlines in cells escaped as {@code \t}, {@code \n}), with a header row;
 * null cells are empty.
 */
public final class DelimitedPrinter implements Printer {

    private final char delimiter;

    public DelimitedPrinter(char delimiter) {
        this.delimiter = delimiter;
    }

    @Override
    public void print(Table table, PrintWriter out) {
        printRow(table.columns(), out);
        for (List<String> row : table.rows()) {
            printRow(row, out);
        }
        out.flush();
    }

    private void printRow(List<String> cells, PrintWriter out) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(delimiter);
            }
            line.append(escape(cells.get(i)));
        }
        out.println(line);
    }

    private String escape(String value) {
        if (value == null) {
            return "";
        }
        if (delimiter == '\t') {
            return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
        }
        boolean quote = value.indexOf(delimiter) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
