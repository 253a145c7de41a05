package dev.docklab.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/** One request and its response: path parameters, query, JSON body, and the ways of answering. */
final class Exchange {
  /** The largest JSON body the daemon reads (a create request is a few KiB). */
  static final int MAX_JSON = 4 << 20;
  final Request request;
  final Response response;
  final Callback callback;
  private final List<String> params;
  private final Fields query;
  private boolean done;
  private final AtomicBoolean completed = new AtomicBoolean();

  Exchange(Request request, Response response, Callback callback, List<String> params) {
    this.request = request;
    this.response = response;
    this.callback = callback;
    this.params = params;
    this.query = Request.extractQueryParameters(request);
  }

  /** The {@code i}th parameter of the route's path ({@code /containers/{id}/start}: 0 is the id). */
  String param(int i) {
    return params.get(i);
  }

  String query(String name) {
    return query.getValue(name);
  }

  /** Every value of a repeated query parameter ({@code t=a&t=b}). */
  List<String> queries(String name) {
    List<String> v = query.getValues(name);
    return v == null ? List.of() : v;
  }

  String query(String name, String otherwise) {
    String v = query.getValue(name);
    return v == null ? otherwise : v;
  }

  /** A boolean query parameter as Docker reads one: 1, true, yes (and present but empty is false). */
  boolean flag(String name) {
    String v = query.getValue(name);
    return v != null && (v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes"));
  }

  int number(String name, int otherwise) {
    String v = query.getValue(name);
    if (v == null || v.isEmpty()) {
      return otherwise;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("invalid value for " + name + ": " + v);
    }
  }

  String header(String name) {
    return request.getHeaders().get(name);
  }

  /** The request's body as JSON (null JSON for an empty body); Docker's 400 when it is not JSON. */
  JsonNode body() {
    try (InputStream in = Content.Source.asInputStream(request)) {
      byte[] bytes = in.readNBytes(MAX_JSON + 1);
      if (bytes.length > MAX_JSON) {
        throw new ApiError(413, "request body too large: more than " + MAX_JSON + " bytes");
      }
      if (bytes.length == 0) {
        return NullNode.getInstance();
      }
      return Json.MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("invalid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiError.badRequest("reading the request body: " + e.getMessage());
    }
  }

  /** The raw body, for archives and build contexts. */
  InputStream bodyStream() {
    return Content.Source.asInputStream(request);
  }

  void json(int status, Object value) {
    byte[] bytes;
    try {
      bytes = Json.MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    send(status, "application/json", bytes);
  }

  void text(int status, String contentType, String text) {
    send(status, contentType, text.getBytes(StandardCharsets.UTF_8));
  }

  void noContent(int status) {
    response.setStatus(status);
    finish();
    completed.set(true);
    response.write(true, null, callback);
  }

  void send(int status, String contentType, byte[] bytes) {
    response.setStatus(status);
    response.getHeaders().put("Content-Type", contentType);
    response.getHeaders().put("Content-Length", bytes.length);
    finish();
    completed.set(true);
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }

  /** Commits the headers now (as dockerd flushes them) and returns the body as a stream; close it to end. */
  OutputStream stream(int status, String contentType) throws IOException {
    response.setStatus(status);
    response.getHeaders().put("Content-Type", contentType);
    finish();
    OutputStream out = Content.Sink.asOutputStream(response);
    out.flush();
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }

      @Override
      public void close() throws IOException {
        try {
          out.close();
          complete(null);
        } catch (IOException e) {
          complete(e);
          throw e;
        }
      }
    };
  }

  /** Marks the exchange answered: the router then leaves it alone. */
  void finish() {
    done = true;
  }

  boolean answered() {
    return done;
  }

  /** Completes Jetty's callback once: succeeded for null, else failed. */
  void complete(Throwable failure) {
    if (completed.compareAndSet(false, true)) {
      if (failure == null) {
        callback.succeeded();
      } else {
        callback.failed(failure);
      }
    }
  }
}
