/**
 * Goal checks: predicates over the engine's real state (containers, images, a container's read-write
 * layer, HTTP through a published port) and over a typed answer, never over the words typed.
 */
package dev.docklab.lessons.check;
