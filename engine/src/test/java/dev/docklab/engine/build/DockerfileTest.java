package dev.docklab.engine.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.docklab.engine.api.EngineException;
import dev.docklab.engine.build.Dockerfile.Instruction;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Dockerfile as Docker's parser reads it: one instruction per logical line, at the line it starts on,
 * with its arguments as written (the builder tells JSON from shell form and expands variables later).
 */
class DockerfileTest {
  private static List<Instruction> parse(String text) {
    return Dockerfile.parse(text, "Dockerfile");
  }

  private static Instruction only(String text, String keyword) {
    return parse(text).stream().filter(i -> i.keyword().equals(keyword)).findFirst().orElseThrow();
  }

  @Nested
  class Instructions {
    @Test
    void eachInstructionKeepsItsLineKeywordAndArgumentsAsWritten() {
      List<Instruction> steps = parse("FROM busybox:1.36\nRUN echo hello > /greeting\nCMD [\"cat\", \"/greeting\"]\n");

      assertEquals(List.of(
          new Instruction(1, "FROM", List.of(), "busybox:1.36"),
          new Instruction(2, "RUN", List.of(), "echo hello > /greeting"),
          new Instruction(3, "CMD", List.of(), "[\"cat\", \"/greeting\"]")), steps);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"from busybox", "From busybox", "fRoM busybox", "  FROM   busybox  "})
    void keywordsAreCaseInsensitiveAndSurroundingSpaceIsDropped(String line) {
      Instruction from = parse(line).get(0);
      assertEquals("FROM", from.keyword());
      assertEquals("busybox", from.args());
    }

    @Test
    void commentsAndBlankLinesAreSkippedButStillCountForLineNumbers() {
      List<Instruction> steps = parse("# build a greeting\n\nFROM busybox\n   # an indented comment\n\nRUN true\n");

      assertEquals(List.of(3, 6), steps.stream().map(Instruction::line).toList());
    }

    @Test
    void aHashInsideAnInstructionIsNotAComment() {
      // only whole lines are comments; the rest goes to the shell as written
      assertEquals("echo \"#1\" # told to the shell", only("FROM busybox\nRUN echo \"#1\" # told to the shell", "RUN")
          .args());
    }

    @Test
    void windowsLineEndingsLeaveNoCarriageReturnBehind() {
      List<Instruction> steps = parse("FROM busybox\r\nRUN echo hi\r\n");

      assertEquals(List.of("busybox", "echo hi"), steps.stream().map(Instruction::args).toList());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "CMD [\"echo\", \"a  b\"]",
        "ENTRYPOINT [\"/bin/sh\", \"-c\"]",
        "RUN echo \"two  spaces\"",
        "ENV GREETING=\"hello world\" NAME=docklab",
        "ARG VERSION=1.0",
        "LABEL org.opencontainers.image.title=\"my app\"",
        "EXPOSE 80/tcp 443",
        "HEALTHCHECK --interval=5s CMD wget -q -O- localhost || exit 1",
    })
    void argumentsAreKeptVerbatimForTheBuilderToInterpret(String line) {
      Instruction step = parse("FROM busybox\n" + line).get(1);
      assertEquals(line, step.text());
    }

    @Test
    void argBeforeFromIsAllowedForTheBaseImageName() {
      List<Instruction> steps = parse("ARG BASE=busybox\nFROM $BASE\n");

      assertEquals(List.of("ARG", "FROM"), steps.stream().map(Instruction::keyword).toList());
      assertEquals("BASE=busybox", steps.get(0).args());
    }

    @Test
    void multiStageFromKeepsItsStageName() {
      List<Instruction> steps = parse("""
          FROM golang:1.22 AS build
          RUN go build -o /out/app .
          FROM busybox
          COPY --from=build /out/app /usr/local/bin/app
          """);

      assertEquals("golang:1.22 AS build", steps.get(0).args());
      assertEquals("busybox", steps.get(2).args());
      assertEquals("build", steps.get(3).flag("from"));
    }
  }

  @Nested
  class Continuations {
    @Test
    void linesEndingInTheEscapeCharacterMakeOneInstructionAtItsFirstLine() {
      List<Instruction> steps = parse("FROM busybox\nRUN echo one && \\\n    echo two\nCMD sh\n");

      assertEquals(2, steps.get(1).line());
      assertEquals(4, steps.get(2).line());
      // as Docker: the escape goes, the next line follows as it is, its indentation kept
      assertEquals("echo one &&     echo two", steps.get(1).args());
    }

    @Test
    void nothingIsAddedWhereTheLinesJoin() {
      assertEquals("PATH=/usr/local/bin:/usr/bin", only("FROM busybox\nENV PATH=/usr/local/bin:\\\n/usr/bin", "ENV")
          .args());
      assertEquals("echo hello", only("FROM busybox\nRUN echo hel\\\nlo", "RUN").args());
    }

    @Test
    void commentLinesInsideAnInstructionAreDropped() {
      Instruction run = only("""
          FROM busybox
          RUN apk add --no-cache \\
          # the tools
              curl \\
            # and more
              git
          """, "RUN");

      assertEquals("apk add --no-cache     curl     git", run.args());
    }

    @Test
    void emptyLinesInsideAnInstructionAreSkippedAsDockerDoes() {
      // Docker warns "Empty continuation line found" but keeps going; the instruction does not end there
      List<Instruction> steps = parse("FROM busybox\nRUN echo one \\\n\n    && echo two\nCMD sh\n");

      assertEquals(List.of("FROM", "RUN", "CMD"), steps.stream().map(Instruction::keyword).toList());
      assertEquals("echo one     && echo two", steps.get(1).args());
    }

    @Test
    void spacesAfterTheEscapeStillContinueTheLine() {
      assertEquals("echo a b", only("FROM busybox\nRUN echo a \\   \nb", "RUN").args());
    }

    @Test
    void anEscapeOnTheLastLineEndsTheInstruction() {
      assertEquals("echo hi", only("FROM busybox\nRUN echo hi \\", "RUN").args());
      assertEquals("echo hi", only("FROM busybox\nRUN echo hi \\\n# only a comment after it", "RUN").args());
    }

    @Test
    void theEscapeDirectiveMakesTheBacktickTheContinuation() {
      List<Instruction> steps = parse("# escape=`\nFROM busybox\nCOPY app C:\\dir\\\nRUN echo one `\n  two\n");

      // a backslash at the end of a line is now just a character
      assertEquals(new Instruction(3, "COPY", List.of(), "app C:\\dir\\"), steps.get(1));
      assertEquals(new Instruction(4, "RUN", List.of(), "echo one   two"), steps.get(2));
    }
  }

  @Nested
  class Flags {
    @Test
    void copyFromNamesTheStage() {
      Instruction copy = only("FROM busybox\nCOPY --from=builder /out/app /usr/local/bin/app", "COPY");

      assertEquals(List.of("--from=builder"), copy.flags());
      assertEquals("/out/app /usr/local/bin/app", copy.args());
      assertEquals("builder", copy.flag("from"));
      assertNull(copy.flag("chown"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "COPY --chown=1000:1000 --chmod=755 run.sh /run.sh | chown | 1000:1000 | run.sh /run.sh",
        "ADD --chown=app https://example.com/a.tgz /a.tgz   | chown | app       | https://example.com/a.tgz /a.tgz",
        "FROM --platform=linux/amd64 alpine AS base         | platform | linux/amd64 | alpine AS base",
        "RUN --mount=type=cache,target=/root/.cache pip install . | mount | type=cache,target=/root/.cache | pip install .",
    })
    void flagsComeBeforeTheArguments(String line, String flag, String value, String args) {
      List<Instruction> steps = parse("FROM busybox\n" + line);
      Instruction step = steps.get(steps.size() - 1);

      assertEquals(value, step.flag(flag));
      assertEquals(args, step.args());
    }

    @Test
    void theStepLineShowsFlagsAndArgumentsAsWritten() {
      assertEquals("COPY --from=build --chown=1:1 /a /b",
          only("FROM busybox\nCOPY --from=build --chown=1:1 /a /b", "COPY").text());
      assertEquals("HEALTHCHECK NONE", only("FROM busybox\nHEALTHCHECK NONE", "HEALTHCHECK").text());
    }
  }

  @Nested
  class Errors {
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "FROM busybox\\n\\nRUNN echo hi       | Dockerfile:3: unknown instruction: RUNN (dockerfile parse error on line 3)",
        "FROM busybox\\ncopy . /app\\nrn x    | Dockerfile:3: unknown instruction: rn (dockerfile parse error on line 3)",
        "FROM busybox\\nRUNN echo \\\\\\n  hi | Dockerfile:2: unknown instruction: RUNN (dockerfile parse error on line 2)",
        "FROM busybox\\nRUN a \\\\\\n b\\nBAD  | Dockerfile:4: unknown instruction: BAD (dockerfile parse error on line 4)",
        "FROM                               | Dockerfile:1: FROM requires at least one argument",
        "FROM busybox\\nRUN                  | Dockerfile:2: RUN requires at least one argument",
        "FROM busybox\\n# x\\nENV            | Dockerfile:3: ENV requires at least one argument",
        "FROM busybox\\nCMD \\\\\\n          | Dockerfile:2: CMD requires at least one argument",
        "RUN echo hi\\nFROM busybox         | Dockerfile:1: no build stage in current context: the first instruction must be FROM",
        "# a comment\\nCOPY . /app          | Dockerfile:2: no build stage in current context: the first instruction must be FROM",
        "''                                 | Dockerfile: the Dockerfile has no instructions (file with no instructions)",
        "# nothing here\\n\\n   \\n           | Dockerfile: the Dockerfile has no instructions (file with no instructions)",
    })
    void badInputIsRefusedNamingTheLine(String text, String message) {
      EngineException e = assertThrows(EngineException.class,
          () -> parse(text.replace("\\n", "\n").replace("\\\\", "\\")));

      assertEquals(message, e.getMessage());
      assertEquals(EngineException.Kind.INVALID, e.kind());
    }

    @Test
    void theMessageNamesTheFileThatWasGiven() {
      EngineException e = assertThrows(EngineException.class,
          () -> Dockerfile.parse("FROM busybox\nFOO bar", "app.Dockerfile"));

      assertEquals("app.Dockerfile:2: unknown instruction: FOO (dockerfile parse error on line 2)", e.getMessage());
    }
  }
}
