package dev.docklab.daemon;

import dev.docklab.engine.api.EngineException;

/** A failed request as Docker answers it: an HTTP status and {@code {"message": ...}}. */
final class ApiError extends RuntimeException {
  private final int status;

  ApiError(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, message);
  }

  static ApiError notFound(String message) {
    return new ApiError(404, message);
  }

  static ApiError conflict(String message) {
    return new ApiError(409, message);
  }

  /** The status Docker gives each kind of engine failure. */
  static ApiError of(EngineException e) {
    int status = switch (e.kind()) {
      case INVALID -> 400;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case SYSTEM -> 500;
    };
    return new ApiError(status, e.getMessage());
  }
}
