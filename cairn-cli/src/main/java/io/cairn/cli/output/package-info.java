/** One printer per output format (table, csv, tsv, json) for the CLI's listings. */
package io.cairn.cli.output;
