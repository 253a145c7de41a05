/**
 * How commands and containers reach the learner: the keyboard and screen, or plain streams, and
 * host processes.
 */
package dev.docklab.shell.io;
