package dev.docklab.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docklab.engine.api.RunRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code POST /containers/create}'s process fields as the docker CLI sends them. */
class CreateRequestTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static RunRequest read(String json) throws Exception {
    return CreateRequest.read(JSON.readTree(json), null);
  }

  @Test
  void readsWorkingDirEntrypointUserAndHostname() throws Exception {
    RunRequest req = read("{\"Image\":\"busybox\",\"WorkingDir\":\"/tmp\",\"Entrypoint\":[\"echo\"],"
        + "\"Cmd\":[\"hi\"],\"User\":\"nobody\",\"Hostname\":\"myhost\"}");
    assertEquals(new RunRequest.Process("/tmp", List.of("echo"), "nobody", "myhost"), req.process());
    assertEquals(List.of("hi"), req.command(), "the entrypoint is not part of the command");
  }

  @Test
  void emptyFieldsAreTheImagesAndAnEmptyEntrypointClearsIt() throws Exception {
    RunRequest plain = read("{\"Image\":\"busybox\",\"WorkingDir\":\"\",\"Entrypoint\":null,\"User\":\"\","
        + "\"Hostname\":\"\"}");
    assertEquals(RunRequest.Process.IMAGE, plain.process());
    RunRequest cleared = read("{\"Image\":\"busybox\",\"Entrypoint\":[\"\"],\"Cmd\":[\"ls\"]}");
    assertEquals(List.of(), cleared.process().entrypoint());
    assertNull(cleared.process().workingDir());
  }
}
