package dev.docklab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.api.Engine;
import dev.docklab.engine.api.EngineListener;
import dev.docklab.engine.api.EngineOptions;
import dev.docklab.engine.digest.Sha256;
import dev.docklab.engine.layer.LayerStore;
import dev.docklab.engine.layer.TarExtractor;
import dev.docklab.engine.registry.hub.Hub;
import dev.docklab.engine.registry.hub.HubStore;
import dev.docklab.engine.store.Layout;
import dev.docklab.engine.store.Trees;
import dev.docklab.engine.sys.Posix;
import dev.docklab.shell.interp.Shell;
import dev.docklab.shell.render.Human;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code scripts/bench registry}: pull and push of a big image through docklab's hub, beside their floors. */
final class RegistryBench {
  private RegistryBench() {}

  /**
   * The steps of a pull's unpacking, each alone on the hub's layer blobs (medians of {@code runs}): the
   * JDK's gunzip with the diff id's hashing, the unpacking of the plain tar from memory with 0 (all on
   * one thread), 1, 2 and 4 threads creating files, and the layer store's whole unpack of the blob.
   */
  private static List<String> steps(Path work, List<Path> blobs, int runs) throws Exception {
    List<String> out = new ArrayList<>();
    List<Double> inflate = new ArrayList<>();
    byte[] tar = null;
    byte[] chunk = new byte[1 << 20];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      try (Sha256.HashingInputStream in = new Sha256.HashingInputStream(
          LayerStore.decompress(Files.newInputStream(blobs.get(0))))) {
        while (in.read(chunk) >= 0) {
          // streamed, as a pull inflates: no array of the whole tar to grow and fault in
        }
        in.digest();
      }
      inflate.add((System.nanoTime() - t0) / 1e6);
    }
    try (InputStream in = LayerStore.decompress(Files.newInputStream(blobs.get(0)))) {
      tar = in.readAllBytes(); // for the steps below, which unpack it from memory
    }
    out.add(String.format("  step: gunzip + sha256 of the first layer (one thread):   median %.0f ms",
        BenchSupport.median(inflate)));
    for (int writers : new int[] {0, 1, 2, 4}) {
      List<Double> times = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        Path into = Files.createDirectories(work.resolve("steps-" + writers + "-" + i));
        long t0 = System.nanoTime();
        new TarExtractor(Posix.host()).extract(new ByteArrayInputStream(tar), into, writers);
        times.add((System.nanoTime() - t0) / 1e6);
        Trees.deleteRecursively(into);
      }
      out.add(String.format("  step: unpack of the plain tar from memory, %d writer thread%s: median %.0f ms",
          writers, writers == 1 ? "" : "s", BenchSupport.median(times)));
    }
    tar = null;
    List<Double> unpacks = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      Path store = work.resolve("steps-store-" + i);
      long t0 = System.nanoTime();
      try (InputStream in = Files.newInputStream(blobs.get(0))) {
        new LayerStore(new Layout(store), Posix.host()).unpack(in);
      }
      unpacks.add((System.nanoTime() - t0) / 1e6);
      Trees.deleteRecursively(store);
    }
    out.add(String.format("  step: the layer store's unpack of the blob from disk:    median %.0f ms",
        BenchSupport.median(unpacks)));
    return out;
  }

  /**
   * Pull and push of a big image ({@code rootfs}, e.g. a debootstrap minbase) through docklab's hub:
   * the image goes into hub A gzip-compressed by skopeo; each pull run removes it and pulls it through
   * the mirror, beside the floor of {@code tar -xzf} of the same layer blobs; each push run sends it
   * to a fresh hub B, beside {@code skopeo copy} of the same blobs from A to another fresh hub.
   */
  static void registry(Path root, Path rootfs, int runs) throws Exception {
    Files.createDirectories(root);
    Path work = Files.createDirectories(root.resolve("bench-work"));
    System.setProperty("docklab.config", work.resolve("config").toString());
    int portA = BenchSupport.freePort();
    Files.writeString(root.resolve("daemon.json"), "{\"hub\": \"127.0.0.1:" + portA + "\"}");
    new Hub(root.resolve("registry"), null).accounts().add("bench", "bench-pw", true);
    try (Engine engine = Engine.open(EngineOptions.at(root), EngineListener.NONE)) {
      engine.system().ensureBaseImages();
      Shell shell = BenchSupport.quietShell(engine);
      Path tar = work.resolve("rootfs.tar");
      BenchSupport.exec(List.of("tar", "-C", rootfs.toString(), "-cf", tar.toString(), "."));
      try (var in = Files.newInputStream(tar)) {
        engine.images().importImage(in, "big:latest", "-");
      }
      Path archive = work.resolve("big.docker.tar");
      try (var out = Files.newOutputStream(archive)) {
        engine.images().save(List.of("big:latest"), out);
      }
      engine.registries().startHub();
      String hubA = "127.0.0.1:" + portA;
      BenchSupport.exec(List.of("skopeo", "copy", "--dest-compress", "--dest-tls-verify=false", "--dest-creds",
          "bench:bench-pw", "docker-archive:" + archive, "docker://" + hubA + "/library/big:latest"));
      shell.execute("docker rmi big:latest");
      long imageBytes = Files.size(tar);
      // the floor: gunzip + untar of the hub's own layer blobs
      var hubStore = new HubStore(root.resolve("registry"));
      JsonNode manifest = new ObjectMapper()
          .readTree(hubStore.manifest("library/big", "latest").bytes());
      List<Path> blobs = new ArrayList<>();
      long compressed = 0;
      for (var l : manifest.path("layers")) {
        Path b = root.resolve("registry/blobs/sha256").resolve(l.path("digest").asText().substring(7));
        blobs.add(b);
        compressed += Files.size(b);
      }
      List<Double> pulls = new ArrayList<>();
      List<Double> floors = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        if (shell.execute("docker pull big") != 0) {
          throw new IllegalStateException("docker pull big failed");
        }
        pulls.add((System.nanoTime() - t0) / 1e6);
        shell.execute("docker rmi big:latest");
        Path into = Files.createDirectories(work.resolve("floor-" + i));
        long t1 = System.nanoTime();
        for (Path b : blobs) {
          BenchSupport.exec(List.of("tar", "-xzf", b.toString(), "-C", into.toString()));
        }
        floors.add((System.nanoTime() - t1) / 1e6);
        Trees.deleteRecursively(into);
      }
      List<String> steps = steps(work, blobs, runs);
      shell.execute("docker pull big");
      List<Double> pushes = new ArrayList<>();
      List<Double> skopeos = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        for (boolean docklab : new boolean[] {true, false}) {
          Path hubRoot = work.resolve("hub-" + i + (docklab ? "-d" : "-s"));
          try (var hubB = new Hub(hubRoot, null)) {
            hubB.accounts().add("bench", "bench-pw", true);
            String b = "127.0.0.1:" + hubB.start("127.0.0.1", 0);
            long t0 = System.nanoTime();
            if (docklab) {
              engine.registries().login(b, "bench", "bench-pw");
              shell.execute("docker tag big " + b + "/bench/big");
              if (shell.execute("docker push " + b + "/bench/big") != 0) {
                throw new IllegalStateException("docker push failed");
              }
              pushes.add((System.nanoTime() - t0) / 1e6);
              shell.execute("docker rmi " + b + "/bench/big");
            } else {
              BenchSupport.exec(List.of("skopeo", "copy", "--src-tls-verify=false", "--dest-tls-verify=false",
                  "--dest-creds", "bench:bench-pw", "docker://" + hubA + "/library/big:latest",
                  "docker://" + b + "/bench/big:latest"));
              skopeos.add((System.nanoTime() - t0) / 1e6);
            }
          }
          Trees.deleteRecursively(hubRoot);
        }
      }
      double pull = BenchSupport.median(pulls);
      double floor = BenchSupport.median(floors);
      double push = BenchSupport.median(pushes);
      double skopeo = BenchSupport.median(skopeos);
      System.out.printf("image: %s unpacked, %s of gzip layers in the hub (%d layer%s)%n", Human.size(imageBytes),
          Human.size(compressed), blobs.size(), blobs.size() == 1 ? "" : "s");
      System.out.printf("docker pull big (docklab, from its hub, nothing cached): median %.0f ms of %d%n", pull, runs);
      System.out.printf("floor (tar -xzf of the same layer blobs):             median %.0f ms%n", floor);
      System.out.printf("pull ratio: %.2f (goal <= 0.8)%n", pull / floor);
      steps.forEach(System.out::println);
      System.out.printf("docker push to a fresh hub (docklab):                  median %.0f ms%n", push);
      System.out.printf("skopeo copy of the same blobs to a fresh hub:          median %.0f ms%n", skopeo);
      System.out.printf("push ratio docklab/skopeo: %.2f%n", push / skopeo);
    }
  }
}
