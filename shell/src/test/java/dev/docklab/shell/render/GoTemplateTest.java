package dev.docklab.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.docklab.shell.render.GoTemplate.TemplateException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --format} templates rendered as Docker renders them (Go's text/template with Docker's functions),
 * on data shaped like {@code docker inspect}'s.
 */
class GoTemplateTest {
  /** A running container, as docker inspect shows one (the parts these tests use). */
  static final Map<String, Object> WEB = map(
      "Id", "4f66ad9a0b2e",
      "Name", "/web",
      "Args", List.of("-g", "daemon off;"),
      "State", map("Status", "running", "Running", true, "Pid", 4242, "ExitCode", 0),
      "Config", map(
          "Cmd", List.of("nginx", "-g", "daemon off;"),
          "Env", List.of("PATH=/usr/bin", "NGINX_VERSION=1.25"),
          "Labels", map("app", "web", "tier", "front")),
      "HostConfig", map("Binds", null),
      "Mounts", List.of(
          map("Type", "bind", "Source", "/srv/site", "Destination", "/usr/share/nginx/html"),
          map("Type", "volume", "Name", "logs", "Source", "/var/lib/docklab/volumes/logs/_data",
              "Destination", "/var/log/nginx")),
      "NetworkSettings", map("Networks", map("bridge", map("IPAddress", "172.17.0.2"))),
      "Empty", List.of());

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static String render(String template) {
    return GoTemplate.parse(template).execute(WEB);
  }

  @Nested
  class Fields {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", value = {
        "{{.Name}}                          => /web",
        "{{.State.Status}}                  => running",
        "{{.State.Pid}}                     => 4242",
        "{{.State.Running}}                 => true",
        "{{.NetworkSettings.Networks.bridge.IPAddress}} => 172.17.0.2",
        "name={{.Name}} pid={{.State.Pid}}  => name=/web pid=4242",
        "{{.Config.Cmd}}                    => [nginx -g daemon off;]",
        "{{.Empty}}                         => []",
        "{{.Config.Labels}}                 => map[app:web tier:front]",
        "{{.Nope}}                          => <no value>",
        "{{.State.Nope}}                    => <no value>",
    })
    void printAsGoPrintsThem(String template, String expected) {
      assertEquals(expected, render(template));
    }

    @Test
    void mapsPrintWithTheirKeysSorted() {
      assertEquals("map[a:1 b:2 c:3]", GoTemplate.parse("{{.}}").execute(map("b", 2, "c", 3, "a", 1)));
    }

    @Test
    void dotIsTheWholeValue() {
      assertEquals("just text", GoTemplate.parse("{{.}}").execute("just text"));
      assertEquals("[a b]", GoTemplate.parse("{{.}}").execute(List.of("a", "b")));
    }

    @Test
    void theTwoCharactersBackslashTAndBackslashNBecomeTabAndNewline() {
      // as Docker's formatter does for ps and images: --format "{{.ID}}\t{{.Image}}"
      assertEquals("/web\trunning\n", render("{{.Name}}\\t{{.State.Status}}\\n"));
    }

    @Test
    void aFieldOfAStringIsAnError() {
      TemplateException e = assertThrows(TemplateException.class, () -> render("{{.Name.First}}"));
      assertTrue(e.getMessage().contains("can't evaluate field First in type string"), e.getMessage());
    }
  }

  @Nested
  class Functions {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", value = {
        "{{join .Args \" , \"}}                 => -g , daemon off;",
        "{{join .Config.Env \";\"}}             => PATH=/usr/bin;NGINX_VERSION=1.25",
        "{{upper .Name}}                        => /WEB",
        "{{lower \"MiXeD\"}}                    => mixed",
        "{{len .Mounts}}                        => 2",
        "{{len .Name}}                          => 4",
        "{{len .Config.Labels}}                 => 2",
        "{{index .Config.Labels \"app\"}}       => web",
        "{{index .Config.Cmd 0}}                => nginx",
        "{{json .Name}}                         => \"/web\"",
        "{{json .State.Running}}                => true",
        "{{json .Args}}                         => [\"-g\",\"daemon off;\"]",
        "{{json .Empty}}                        => []",
        "{{json \"<a&b>\"}}                     => \"<a&b>\"",
        "{{\"a literal\"}}                      => a literal",
        "{{\"say \\\"hi\\\"\"}}                 => say \"hi\"",
        "{{.Name | upper}}                      => /WEB",
        "{{.Config.Cmd | len}}                  => 3",
        "{{.Config.Labels | json}}              => {\"app\":\"web\",\"tier\":\"front\"}",
    })
    void dockersFunctions(String template, String expected) {
      assertEquals(expected, render(template));
    }

    @Test
    void jsonKeepsTheOrderOfTheFieldsItIsGiven() {
      assertEquals("[{\"Type\":\"bind\",\"Source\":\"/srv/site\",\"Destination\":\"/usr/share/nginx/html\"},"
          + "{\"Type\":\"volume\",\"Name\":\"logs\",\"Source\":\"/var/lib/docklab/volumes/logs/_data\","
          + "\"Destination\":\"/var/log/nginx\"}]", render("{{json .Mounts}}"));
    }

    @Test
    void quotedStringsUnderstandGoEscapes() {
      // docker inspect -f '{{join .Config.Env "\n"}}': one variable a line
      assertEquals("PATH=/usr/bin\nNGINX_VERSION=1.25", render("{{join .Config.Env \"\\n\"}}"));
      assertEquals("-g\tdaemon off;", render("{{join .Args \"\\t\"}}"));
    }

    @Test
    void printlnEndsTheLine() {
      // Docker's docs: one address a line, whatever the networks
      assertEquals("172.17.0.2\n", render("{{range .NetworkSettings.Networks}}{{println .IPAddress}}{{end}}"));
      assertEquals("/web running\n", render("{{println .Name .State.Status}}"));
    }
  }

  @Nested
  class Range {
    @Test
    void walksAListWithDotAsEachElement() {
      assertEquals("/srv/site:/usr/share/nginx/html\n/var/lib/docklab/volumes/logs/_data:/var/log/nginx\n",
          render("{{range .Mounts}}{{.Source}}:{{.Destination}}\n{{end}}"));
    }

    @Test
    void walksAMapsValuesInTheOrderOfItsKeys() {
      assertEquals("1 2 3 ", GoTemplate.parse("{{range .}}{{.}} {{end}}").execute(map("b", 2, "c", 3, "a", 1)));
    }

    @Test
    void elseIsForNothingToWalk() {
      assertEquals("no mounts", render("{{range .Empty}}{{.}}{{else}}no mounts{{end}}"));
      assertEquals("2 mounts", render("{{range .Empty}}x{{else}}{{len .Mounts}} mounts{{end}}"));
    }

    @Test
    void aMissingOrNullValueIsNothingToWalk() {
      assertEquals("[]", render("[{{range .HostConfig.Binds}}{{.}}{{end}}]"));
      assertEquals("none", render("{{range .Nope}}{{.}}{{else}}none{{end}}"));
    }

    @Test
    void rangesNest() {
      Map<String, Object> data = map("Groups", List.of(List.of("a", "b"), List.of("c")));
      assertEquals("(a b )(c )", GoTemplate.parse("{{range .Groups}}({{range .}}{{.}} {{end}}){{end}}").execute(data));
    }

    @Test
    void aStringCannotBeWalked() {
      TemplateException e = assertThrows(TemplateException.class, () -> render("{{range .Name}}{{.}}{{end}}"));
      assertTrue(e.getMessage().contains("range can't iterate over /web"), e.getMessage());
    }
  }

  @Nested
  class If {
    @Test
    void choosesABranch() {
      assertEquals("up", render("{{if .State.Running}}up{{else}}down{{end}}"));
      assertEquals("", render("{{if .Empty}}has some{{end}}"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiterString = "=>", value = {
        "true => yes", "false => no", "1 => yes", "0 => no", "'x' => yes", "'' => no",
        "list => yes", "emptyList => no", "map => yes", "emptyMap => no", "null => no",
    })
    void truthIsGos(String value, String expected) {
      Object v = switch (value) {
        case "true", "false" -> Boolean.valueOf(value);
        case "1", "0" -> Integer.valueOf(value);
        case "list" -> List.of(1);
        case "emptyList" -> List.of();
        case "map" -> Map.of("a", 1);
        case "emptyMap" -> Map.of();
        case "null" -> null;
        default -> value;
      };
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("V", v);
      assertEquals(expected, GoTemplate.parse("{{if .V}}yes{{else}}no{{end}}").execute(data));
    }

    @Test
    void oneTemplateRendersEachRowOnItsOwn() {
      GoTemplate t = GoTemplate.parse("{{.Name}}:{{if .State.Running}}up{{else}}down{{end}}");
      List<String> lines = new ArrayList<>();
      lines.add(t.execute(WEB));
      lines.add(t.execute(map("Name", "/db", "State", map("Running", false))));
      assertEquals(List.of("/web:up", "/db:down"), lines);
    }

    @Test
    void aMissingFieldIsFalseNotAnError() {
      assertEquals("no", render("{{if .Nope}}yes{{else}}no{{end}}"));
    }

    @Test
    void elseIfChains() {
      String t = "{{if eq .State.Status \"exited\"}}stopped{{else if .State.Running}}running since {{.State.Pid}}"
          + "{{else}}other{{end}}";
      assertEquals("running since 4242", render(t));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", value = {
        "{{if eq .State.Status \"running\"}}y{{else}}n{{end}}   => y",
        "{{if eq .State.ExitCode 0}}y{{else}}n{{end}}           => y",
        "{{if eq .State.Status \"paused\" \"running\"}}y{{end}} => y",
        "{{if ne .State.Status \"running\"}}y{{else}}n{{end}}   => n",
        "{{if not .State.Running}}y{{else}}n{{end}}             => n",
        "{{if not .Empty}}y{{else}}n{{end}}                     => y",
    })
    void comparesWithGosBuiltins(String template, String expected) {
      assertEquals(expected, render(template));
    }

    @Test
    void dashesTrimTheSpaceBesideAnAction() {
      assertEquals("[/web]", render("[  {{- .Name -}}  ]"));
      assertEquals("/usr/share/nginx/html,/var/log/nginx,", render("""
          {{range .Mounts -}}
            {{.Destination}},
          {{- end}}"""));
    }
  }

  @Nested
  class TableHeaders {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", value = {
        "{{.ID}}\\t{{.Image}}\\t{{.Names}}       => ID,Image,Names",
        "{{.State.Status}}                        => State",
        "{{json .Labels}}: {{.Size}}              => Labels,Size",
        "{{.Names}}\\t{{range .Mounts}}{{.Source}}{{end}} => Names",
    })
    void theColumnsAreTheTopLevelFieldsInOrder(String template, String fields) {
      assertEquals(Arrays.asList(fields.split(",")), GoTemplate.parse(template).fields());
    }
  }

  @Nested
  class Errors {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "{{.Name                     => template parsing error: template: :1: unclosed action",
        "{{join .Args \"x}}          => template parsing error: template: :1: unterminated quoted string",
        "{{nope .Name}}              => template parsing error: template: :1: function \"nope\" not defined",
        "{{.Name | nope}}            => template parsing error: template: :1: function \"nope\" not defined",
        "{{}}                        => template parsing error: template: :1: missing value for command",
        "{{range .Mounts}}{{.Source}} => template parsing error: template: :1: unexpected EOF",
        "{{if .Name}}x{{else}}y       => template parsing error: template: :1: unexpected EOF",
        "{{.Name}}{{end}}            => template parsing error: template: :1: unexpected {{end}}",
        "{{else}}                    => template parsing error: template: :1: unexpected {{else}}",
        "{{if}}x{{end}}              => template parsing error: template: :1: missing value for if",
        "{{range}}x{{end}}           => template parsing error: template: :1: missing value for range",
    })
    void malformedTemplatesAreRefusedBeforeAnythingIsRendered(String template, String message) {
      // refused at parse, as docker does even when there is nothing to format
      TemplateException e = assertThrows(TemplateException.class, () -> GoTemplate.parse(template));
      assertEquals(message, e.getMessage());
    }
  }
}
