package dev.docklab.lessons.model;

import java.util.List;

/**
 * What must be there, and what must not, when a lesson starts.
 *
 * @param images images present (pulled when missing) and absent (their names removed)
 * @param containers containers the lesson creates, labelled as the lesson's
 * @param hub accounts docklab's hub must have, and tags it must not
 */
public record StartState(Images images, List<StartContainer> containers, Hub hub) {
  /** Nothing to prepare. */
  public static final StartState NONE = new StartState(null, null, null);

  public StartState {
    images = images == null ? new Images(null, null) : images;
    containers = containers == null ? List.of() : List.copyOf(containers);
    hub = hub == null ? new Hub(null, null, null) : hub;
  }

  /**
   * docklab's hub at the lesson's start.
   *
   * @param users accounts made when missing (an account already there keeps its password)
   * @param present tags the hub must have, each a local image put there ({@code {ref: teacher/hello:v1,
   *     from: busybox}}), as if its owner had pushed it
   * @param absent tags removed from the hub ({@code student/hello:v1}), so that a push is the learner's own
   */
  public record Hub(List<User> users, List<Published> present, List<String> absent) {
    public Hub {
      users = users == null ? List.of() : List.copyOf(users);
      present = present == null ? List.of() : List.copyOf(present);
      absent = absent == null ? List.of() : List.copyOf(absent);
    }
  }

  /**
   * A tag the hub has at the lesson's start.
   *
   * @param ref the name on the hub ({@code teacher/hello:v1})
   * @param from the local image put there (pulled when missing)
   */
  public record Published(String ref, String from) {
    public Published {
      if (ref == null || ref.isBlank() || from == null || from.isBlank()) {
        throw new IllegalArgumentException("a hub tag a lesson starts with needs ref (its name on the hub) and from "
            + "(a local image)");
      }
    }
  }

  /**
   * A hub account a lesson needs: it may push into {@code name/...} only.
   *
   * @param name the account's name, which is also its namespace
   * @param password its password, which the lesson tells the learner
   */
  public record User(String name, String password) {
    public User {
      if (name == null || !name.matches("[a-z0-9]+(?:[._-][a-z0-9]+)*") || password == null || password.isEmpty()) {
        throw new IllegalArgumentException("a hub user needs a name (lower-case letters and digits) and a password");
      }
    }
  }

  /**
   * Images by reference.
   *
   * @param present images that must be there
   * @param absent names the lesson owns and removes at its start (a name other images share is only untagged)
   */
  public record Images(List<String> present, List<String> absent) {
    public Images {
      present = present == null ? List.of() : List.copyOf(present);
      absent = absent == null ? List.of() : List.copyOf(absent);
    }
  }
}
