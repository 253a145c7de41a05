package dev.docklab.engine.registry.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.engine.api.Digest;
import dev.docklab.engine.digest.Sha256;
import dev.docklab.engine.store.Trees;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Freezing the hub with bodies that never come, over real HTTP: hundreds of uploads that declare
 * 2 GiB and send one byte leave it answering pings, tokens and pulls; a body that stalls or trickles
 * gets a clear error instead of holding a thread.
 */
class HubStalledBodiesTest {
  static final long TWO_GIB = 2L << 30;
  /** Three seconds of silence or less than 1 KiB/s ends a body; four bodies at once an account, eight in all. */
  static final HubLimits LIMITS = new HubLimits(5, 20, 30, Duration.ofMinutes(1), 4, 8, 200,
      Duration.ofSeconds(3), 1024);
  Path root;
  Hub hub;
  HubHttp http;

  @BeforeEach
  void start() throws Exception {
    root = Files.createTempDirectory("docklab-hub-stall-");
    hub = new Hub(root, LIMITS, null);
    hub.accounts().add("alice", "alice-pw", false);
    hub.accounts().add("bob", "bob-pw", false);
    http = new HubHttp(hub.start("127.0.0.1", 0));
  }

  @AfterEach
  void stop() throws Exception {
    hub.close();
    Trees.deleteRecursively(root);
  }

  /** A new upload session in {@code repo}: its Location. */
  String newUpload(String token, String repo) throws Exception {
    HttpResponse<byte[]> started = http.call("POST", "/v2/" + repo + "/blobs/uploads/", token, null,
        Duration.ofSeconds(5));
    assertEquals(202, started.statusCode(), new String(started.body()));
    return started.headers().firstValue("Location").orElseThrow();
  }

  @Test
  void hundredsOfStalledUploadsLeaveTheHubAnswering() throws Exception {
    String alice = http.token("alice", "alice-pw", "repository:alice/app:pull,push");
    String location = newUpload(alice, "alice/app");
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 260; i++) {
        stalled.add(http.startBody("PATCH", location, alice, TWO_GIB, new byte[] {'x'}));
      }
      Thread.sleep(300);
      long t0 = System.nanoTime();
      HttpResponse<byte[]> ping = http.call("GET", "/v2/", null, null, Duration.ofSeconds(3));
      long pingMillis = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(401, ping.statusCode());
      assertTrue(pingMillis < 2000, "/v2/ took " + pingMillis + " ms");

      // another account still pushes, and anyone pulls
      String bob = http.token("bob", "bob-pw", "repository:bob/app:pull,push");
      byte[] blob = "bob's layer".getBytes();
      Digest d = Sha256.of(blob);
      assertEquals(201, http.call("POST", "/v2/bob/app/blobs/uploads/?digest=" + d, bob, blob,
          Duration.ofSeconds(3)).statusCode());
      String anyone = http.token("bob", "bob-pw", "repository:bob/app:pull");
      HttpResponse<byte[]> pulled = http.call("GET", "/v2/bob/app/blobs/" + d, anyone, null, Duration.ofSeconds(3));
      assertEquals(200, pulled.statusCode());

      // every one of alice's uploads gets a clear answer: those beyond her four slots are refused at once
      // in Docker Hub's terms, the ones holding a slot time out (and free it for the next in line)
      int tooMany = 0;
      int timedOut = 0;
      List<String> others = new ArrayList<>();
      for (Socket s : stalled) {
        s.setSoTimeout(5000);
        HubHttp.Raw r;
        try {
          r = HubHttp.read(s.getInputStream());
        } catch (IOException e) {
          others.add(stalled.indexOf(s) + ": " + e);
          continue;
        }
        String code = r.json().path("errors").path(0).path("code").asText();
        if (r.status() == 429 && code.equals("TOOMANYREQUESTS") && r.header("Retry-After") != null) {
          tooMany++;
        } else if (r.status() == 408 && code.equals("BLOB_UPLOAD_INVALID")) {
          timedOut++;
        } else {
          others.add(r.status() + " " + r.body());
        }
      }
      assertEquals(List.of(), others);
      assertTrue(timedOut >= 4 && tooMany >= 240, tooMany + " refused, " + timedOut + " timed out");
    } finally {
      for (Socket s : stalled) {
        s.close();
      }
    }
  }

  @Test
  void aStalledBodyGetsAClearError() throws Exception {
    String alice = http.token("alice", "alice-pw", "repository:alice/app:pull,push");
    String location = newUpload(alice, "alice/app");
    long t0 = System.nanoTime();
    try (Socket s = http.startBody("PATCH", location, alice, TWO_GIB, new byte[] {'x'})) {
      s.setSoTimeout(10_000);
      HubHttp.Raw r = HubHttp.read(s.getInputStream());
      long millis = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(408, r.status(), r.body());
      assertEquals("BLOB_UPLOAD_INVALID", r.json().path("errors").path(0).path("code").asText(), r.body());
      assertTrue(r.json().path("errors").path(0).path("detail").asText().contains("stalled"), r.body());
      assertTrue(millis < 5000, "answered after " + millis + " ms");
    }
  }

  @Test
  void aClientThatSendsAFewBytesThenWorksAWhileIsNotCutOff() throws Exception {
    // skopeo compressing a layer as it uploads it: a frame header, a pause, then the data
    String alice = http.token("alice", "alice-pw", "repository:alice/app:pull,push");
    String location = newUpload(alice, "alice/app");
    byte[] rest = new byte[64 * 1024];
    try (Socket s = http.startBody("PATCH", location, alice, 10 + rest.length, new byte[0])) {
      Thread.sleep(1500);
      s.getOutputStream().write(new byte[10]);
      s.getOutputStream().flush();
      Thread.sleep(300);
      s.getOutputStream().write(rest);
      s.getOutputStream().flush();
      s.setSoTimeout(10_000);
      HubHttp.Raw r = HubHttp.read(s.getInputStream());
      assertEquals(202, r.status(), r.body());
      assertEquals("0-" + (10 + rest.length - 1), r.headers().get("range"), r.headers().toString());
    }
  }

  @Test
  void aTricklingBodyIsCutOff() throws Exception {
    String alice = http.token("alice", "alice-pw", "repository:alice/app:pull,push");
    String location = newUpload(alice, "alice/app");
    long t0 = System.nanoTime();
    try (Socket s = http.startBody("PATCH", location, alice, TWO_GIB, new byte[] {'x'})) {
      Thread trickle = new Thread(() -> {
        try {
          OutputStream out = s.getOutputStream();
          for (int i = 0; i < 50; i++) {
            Thread.sleep(200);
            out.write('x');
            out.flush();
          }
        } catch (IOException | InterruptedException e) {
          // the hub has hung up: what this test wants
        }
      });
      trickle.start();
      s.setSoTimeout(10_000);
      HubHttp.Raw r = HubHttp.read(s.getInputStream());
      long millis = (System.nanoTime() - t0) / 1_000_000;
      trickle.interrupt();
      trickle.join();
      assertEquals(408, r.status(), r.body());
      assertEquals("BLOB_UPLOAD_INVALID", r.json().path("errors").path(0).path("code").asText(), r.body());
      assertTrue(millis < 5000, "answered after " + millis + " ms");
    }
  }
}
