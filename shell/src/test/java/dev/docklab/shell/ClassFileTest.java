package dev.docklab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.docklab.shell.i18n.Messages;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassFileTest {
  private final Messages en = new Messages(Messages.Lang.EN);

  @Test
  void readsNamesAndPasswordsSkippingTheHeaderBlanksAndComments() {
    ClassFile.Parsed p = ClassFile.parse(List.of("name,password", "# class 3B", "alice,alice-secret", "",
        " bob , bob,with,commas\r"), en);
    assertEquals(List.of(), p.problems());
    assertEquals(List.of(new ClassFile.Account("alice", "alice-secret"), new ClassFile.Account("bob", "bob,with,commas")),
        p.accounts());
  }

  @Test
  void everyProblemNamesItsLineAndNoPasswordAndThenNoAccountIsMade() {
    ClassFile.Parsed p = ClassFile.parse(List.of("alice,alice-secret", "carol", "Bob,bob-secret", "dave,short",
        "alice,another-secret"), en);
    assertEquals(List.of("2: expected name,password",
        "3: invalid user name \"Bob\": use 2 to 30 lowercase letters and digits",
        "4: the password of dave must have at least 6 characters",
        "5: alice is already on line 1"), p.problems());
    assertEquals(List.of(), p.accounts(), "all or nothing");
    p.problems().forEach(x -> assertFalse(x.contains("secret") || x.contains("short,"), x));
  }

  @Test
  void problemsAreSaidInChineseToo() {
    assertEquals(List.of("1：应为 用户名,密码"), ClassFile.parse(List.of("carol"), new Messages(Messages.Lang.ZH)).problems());
  }
}
