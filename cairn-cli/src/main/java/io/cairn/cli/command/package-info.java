/** The CLI's commands: {@code serve}, {@code projects}, {@code keys}, {@code version}. */
package io.cairn.cli.command;
