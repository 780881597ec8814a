package io.cairn.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrinterTest {

    private final Table table = new Table(List.of("id", "name"),
            List.of(List.of("1", "plain"), Arrays.asList("2", null), List.of("3", "a,b \"q\"\tt")));

    @Test
    void tableAlignsColumnsAndShowsNullsAsDashes() {
        assertThat(print(Printer.Format.TABLE)).isEqualTo("""
                id  name
                1   plain
                2   -
                3   a,b "q"\tt
                """);
    }

    @Test
    void csvQuotesWhatNeedsQuoting() {
        assertThat(print(Printer.Format.CSV)).isEqualTo("id,name\n1,plain\n2,\n3,\"a,b \"\"q\"\"\tt\"\n");
    }

    @Test
    void tsvEscapesTabs() {
        assertThat(print(Printer.Format.TSV)).isEqualTo("id\tname\n1\tplain\n2\t\n3\ta,b \"q\"\\tt\n");
    }

    @Test
    void jsonIsAnArrayOfObjects() {
        assertThat(print(Printer.Format.JSON).replaceAll("\\s+", ""))
                .isEqualTo("[{\"id\":\"1\",\"name\":\"plain\"},{\"id\":\"2\",\"name\":null},"
                        + "{\"id\":\"3\",\"name\":\"a,b\\\"q\\\"\\tt\"}]");
    }

    private String print(Printer.Format format) {
        StringWriter out = new StringWriter();
        Printer.of(format).print(table, new PrintWriter(out));
        return out.toString().replace(System.lineSeparator(), "\n");
    }
}
