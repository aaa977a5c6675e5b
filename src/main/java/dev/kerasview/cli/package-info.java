/** The inspect, diagnose and convert subcommands: exit codes, text and JSON output. */
package dev.kerasview.cli;
