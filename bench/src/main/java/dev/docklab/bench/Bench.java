package dev.docklab.bench;

import java.nio.file.Path;
import java.util.List;

/** What {@code scripts/bench} runs: the benchmark its first argument names, or {@code run} when that is a data root. */
public final class Bench {
  private Bench() {}

  public static void main(String[] argv) throws Exception {
    switch (argv[0]) {
      case "memory" -> ContainerBench.memory(Path.of(argv[1]), Integer.parseInt(argv[2]));
      case "registry" -> RegistryBench.registry(Path.of(argv[1]), Path.of(argv[2]), Integer.parseInt(argv[3]));
      case "http" -> HttpBench.http(Path.of(argv[1]), Integer.parseInt(argv[2]), Integer.parseInt(argv[3]));
      case "explain" -> ImageBench.explain(Path.of(argv[1]));
      case "build" -> ImageBench.build(Path.of(argv[1]));
      case "commit" -> ContainerBench.commit(Path.of(argv[1]), Integer.parseInt(argv[2]));
      case "lessons" -> LessonBench.lessons(Path.of(argv[1]), Integer.parseInt(argv[2]), Integer.parseInt(argv[3]),
          Integer.parseInt(argv[4]));
      case "jshell" -> JShellBench.jshell(Path.of(argv[1]), Path.of(argv[2]), Integer.parseInt(argv[3]));
      case "scale" -> ScaleBench.scale(Path.of(argv[1]), Integer.parseInt(argv[2]), Integer.parseInt(argv[3]),
          Integer.parseInt(argv[4]), Integer.parseInt(argv[5]), Integer.parseInt(argv[6]));
      case "ps" -> ContainerBench.ps(Path.of(argv[1]), Integer.parseInt(argv[2]), Integer.parseInt(argv[3]));
      default -> RunBench.run(Path.of(argv[0]), Integer.parseInt(argv[1]), Integer.parseInt(argv[2]),
          List.of(argv).subList(3, argv.length));
    }
  }
}
