package io.cairn.cli.output;

import java.io.PrintWriter;

/** Writes a {@link Table} in one output format. */
public sealed interface Printer permits TablePrinter, DelimitedPrinter, JsonPrinter {

    void print(Table table, PrintWriter out);

    /** The printer for a {@code --format} value. */
    static Printer of(Format format) {
        return switch (format) {
            case TABLE -> new TablePrinter();
            case CSV -> new DelimitedPrinter(',');
            case TSV -> new DelimitedPrinter('\t');
            case JSON -> new JsonPrinter();
        };
    }

    /** The formats {@code --format} accepts. */
    enum Format {
        TABLE,
        CSV,
        TSV,
        JSON
    }
}
