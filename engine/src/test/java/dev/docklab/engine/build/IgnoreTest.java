package dev.docklab.engine.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code .dockerignore} read from a real build context, matched as Docker matches it. */
class IgnoreTest {
  @TempDir
  Path context;

  private Ignore ignoring(String... lines) throws IOException {
    Files.writeString(context.resolve(".dockerignore"), String.join("\n", lines) + "\n");
    return Ignore.load(context);
  }

  @Test
  void withoutAFileNothingIsExcluded() {
    Ignore none = Ignore.load(context);

    assertFalse(none.excludes(Path.of("app.py")));
    assertFalse(none.excludes(Path.of("node_modules/x/index.js")));
  }

  @Test
  void commentsAndBlankLinesAreNotPatterns() throws IOException {
    Ignore ignore = ignoring("# build output", "", "   ", "dist");

    assertTrue(ignore.excludes(Path.of("dist/app.js")));
    assertFalse(ignore.excludes(Path.of("# build output")));
  }

  @Test
  void theContextItselfIsNeverExcluded() throws IOException {
    // "*" then "!README.md" is a common minimal context; COPY . /app must still find the context's root
    Ignore ignore = ignoring("*", "!README.md");

    assertFalse(ignore.excludes(Path.of("")));
    assertFalse(ignore.excludes(Path.of("README.md")));
    assertTrue(ignore.excludes(Path.of("secret.env")));
  }

  /** Rows: the file's lines (separated by ;), a path relative to the context, whether the build leaves it out. */
  @ParameterizedTest(name = "[{0}] {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      // a name excludes that file or directory at the root, and all under it
      "node_modules          | node_modules                    | true",
      "node_modules          | node_modules/left-pad/index.js  | true",
      "node_modules          | web/node_modules/x.js           | false",
      "/build/               | build/out.o                     | true",
      "/build/               | src/build.c                     | false",
      // * and ? stay within one path segment (Docker's docs: */temp*, temp?)
      "*.log                 | debug.log                       | true",
      "*.log                 | logs/debug.log                  | false",
      "*/temp*               | somedir/temporary.txt           | true",
      "*/temp*               | somedir/temp                    | true",
      "*/temp*               | temp.txt                        | false",
      "*/*/temp*             | a/b/temp.txt                    | true",
      "temp?                 | tempa                           | true",
      "temp?                 | tempab                          | false",
      "file[0-9].txt         | file7.txt                       | true",
      "file[0-9].txt         | filex.txt                       | false",
      // ** spans any number of directories, none included (Docker's docs: **/*.go, also at the root)
      "**/*.go               | main.go                         | true",
      "**/*.go               | cmd/tool/main.go                | true",
      "**/node_modules       | node_modules/x.js               | true",
      "**/node_modules       | packages/ui/node_modules/x.js   | true",
      "docs/**/*.md          | docs/index.md                   | true",
      "docs/**/*.md          | docs/guide/intro.md             | true",
      "docs/**/*.md          | README.md                       | false",
      // ! re-includes; the last line that matches a path decides (Docker's docs' README example)
      "*.md;!README.md                        | README.md         | false",
      "*.md;!README.md                        | CHANGES.md        | true",
      "*.md;!README*.md;README-secret.md      | README-secret.md  | true",
      "*.md;!README*.md;README-secret.md      | README-draft.md   | false",
      "*.md;README-secret.md;!README*.md      | README-secret.md  | false",
      "docs;!docs/keep.txt                    | docs/keep.txt     | false",
      "docs;!docs/keep.txt                    | docs/other.txt    | true",
      // a dot in a pattern is a dot, not any character
      ".env                  | .env                            | true",
      ".env                  | xenv                            | false",
  })
  void patternsMatchAsDockerMatchesThem(String lines, String path, boolean excluded) throws IOException {
    assertEquals(excluded, ignoring(lines.split(";")).excludes(Path.of(path)));
  }
}
