/** Docker-style flags for the docker subcommands: the options, their values and usage errors. */
package dev.docklab.shell.cli;
