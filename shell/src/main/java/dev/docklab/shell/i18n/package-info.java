/** Every learner-facing text, in English and in Chinese. */
package dev.docklab.shell.i18n;
