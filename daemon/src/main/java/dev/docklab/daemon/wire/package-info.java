/**
 * What the daemon and its Java client agree on for the engine's own calls ({@code /docklab/call/...}): the
 * JSON of the api's records, the frames of a call's answer, and an {@code EngineException} on the wire.
 */
package dev.docklab.daemon.wire;
