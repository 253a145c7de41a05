package dev.docklab.engine.registry;

import dev.docklab.engine.api.EngineException;
import java.util.Locale;

/**
 * An error of the distribution API: its code (as in the spec's error table), the HTTP status it
 * goes with, and a message. The hub sends these; the client reads them back.
 */
public final class RegistryError extends EngineException {
  private final String code;
  private final int status;
  private final transient Object detail;
  private final long retryAfterSeconds;

  public RegistryError(String code, int status, String message, Object detail) {
    this(code, status, message, detail, 0);
  }

  /** An error that says when to try again ({@code Retry-After}, in seconds; 0: it does not say). */
  public RegistryError(String code, int status, String message, Object detail, long retryAfterSeconds) {
    super(status == 404 ? Kind.NOT_FOUND : status >= 500 ? Kind.SYSTEM : Kind.INVALID, message);
    this.code = code;
    this.status = status;
    this.detail = detail;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }

  public Object detail() {
    return detail;
  }

  /** Seconds to wait before trying again, as the {@code Retry-After} header says; 0 when it does not. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** As the docker CLI prints a registry's error: {@code denied: requested access to the resource is denied}. */
  public String dockerText() {
    return code.toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + getMessage();
  }

  public static RegistryError blobUnknown(String digest) {
    return new RegistryError("BLOB_UNKNOWN", 404, "blob unknown to registry", digest);
  }

  public static RegistryError manifestUnknown(String ref) {
    return new RegistryError("MANIFEST_UNKNOWN", 404, "manifest unknown", ref);
  }

  public static RegistryError nameUnknown(String name) {
    return new RegistryError("NAME_UNKNOWN", 404, "repository name not known to registry", name);
  }

  public static RegistryError nameInvalid(String name) {
    return new RegistryError("NAME_INVALID", 400, "invalid repository name", name);
  }

  public static RegistryError tagInvalid(String tag) {
    return new RegistryError("TAG_INVALID", 400, "manifest tag did not match URI", tag);
  }

  public static RegistryError digestInvalid(String detail) {
    return new RegistryError("DIGEST_INVALID", 400, "provided digest did not match uploaded content", detail);
  }

  public static RegistryError uploadUnknown(String id) {
    return new RegistryError("BLOB_UPLOAD_UNKNOWN", 404, "blob upload unknown to registry", id);
  }


  public static RegistryError manifestInvalid(String detail) {
    return new RegistryError("MANIFEST_INVALID", 400, "manifest invalid", detail);
  }

  public static RegistryError manifestBlobUnknown(String digest) {
    return new RegistryError("MANIFEST_BLOB_UNKNOWN", 400, "blob unknown to registry", digest);
  }

  public static RegistryError unsupported(String detail) {
    return new RegistryError("UNSUPPORTED", 405, "The operation is unsupported.", detail);
  }

  /** Docker Hub's answer to a client that asks too much too fast: 429 with {@code Retry-After}. */
  public static RegistryError tooManyRequests(String message, long retryAfterSeconds) {
    return new RegistryError("TOOMANYREQUESTS", 429, message, null, Math.max(1, retryAfterSeconds));
  }

  /** A request body that stopped coming (or came too slowly): 408, under the code of what it was sending. */
  public static RegistryError bodyStalled(String code, String message, String detail) {
    return new RegistryError(code, 408, message, detail);
  }

  public static RegistryError unauthorized(String detail) {
    return new RegistryError("UNAUTHORIZED", 401, "authentication required", detail);
  }

  /** A valid token that does not grant the action: 401, so that the client asks for a wider token. */
  public static RegistryError denied(String detail) {
    return new RegistryError("DENIED", 401, "requested access to the resource is denied", detail);
  }
}
