package dev.docklab.engine.registry.hub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docklab.engine.registry.RegistryError;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The hub's answers: JSON bodies, empty ones, and errors in the distribution API's format. */
final class HubResponses {
  private HubResponses() {}

  static void json(Response resp, Callback cb, int status, Object body) {
    try {
      byte[] bytes = HubStore.JSON.writeValueAsBytes(body);
      resp.setStatus(status);
      resp.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      resp.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
      resp.write(true, ByteBuffer.wrap(bytes), cb);
    } catch (IOException e) {
      cb.failed(e);
    }
  }

  static void empty(Response resp, Callback cb, int status) {
    resp.setStatus(status);
    resp.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
    cb.succeeded();
  }

  /** {@code {"errors":[{"code":...,"message":...,"detail":...}]}}, with Retry-After when the error says when. */
  static void error(Response resp, Callback cb, RegistryError e) {
    retryAfter(resp, e);
    json(resp, cb, e.status(), errorBody(e));
  }

  static ObjectNode errorBody(RegistryError e) {
    ObjectNode body = HubStore.JSON.createObjectNode();
    ObjectNode err = body.putArray("errors").addObject();
    err.put("code", e.code());
    err.put("message", e.getMessage());
    if (e.detail() != null) {
      err.put("detail", String.valueOf(e.detail()));
    }
    return body;
  }

  /** Sets {@code Retry-After} when {@code e} says when to try again. */
  static void retryAfter(Response resp, RegistryError e) {
    if (e.retryAfterSeconds() > 0) {
      resp.getHeaders().put(HttpHeader.RETRY_AFTER, e.retryAfterSeconds());
    }
  }
}
