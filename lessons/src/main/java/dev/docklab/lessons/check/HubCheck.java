package dev.docklab.lessons.check;

import dev.docklab.engine.api.Image;
import dev.docklab.engine.api.ImageReference;
import java.util.ArrayList;
import java.util.List;

/**
 * docklab's hub has {@code ref} (a repository and tag, such as {@code student/hello:v1}), or, with
 * {@code exists: false}, has not; with {@code image}, what the hub has is that local image: the image's
 * RepoDigests name the hub's manifest, as a push or a pull of it leaves them (a {@code docker tag} alone
 * does not).
 *
 * @param image a local image name whose RepoDigests must hold the hub's digest of {@code ref} (null: any)
 */
public record HubCheck(String ref, Boolean exists, String image) implements Check {
  public HubCheck {
    if (ref == null || ref.isBlank() || !ImageReference.isValid(ref)) {
      throw new IllegalArgumentException("a hub check needs ref: a repository and tag, such as student/hello:v1");
    }
    exists = exists == null ? Boolean.TRUE : exists;
    if (!exists && image != null) {
      throw new IllegalArgumentException("a hub check with exists: false has no image");
    }
  }

  @Override
  public String kind() {
    return exists ? "hub" : "no-hub";
  }

  @Override
  public List<Fact> facts() {
    List<Fact> f = new ArrayList<>();
    f.add(new Fact("ref", ref));
    if (image != null) {
      f.add(new Fact("hubImage", image));
    }
    return f;
  }

  @Override
  public Verdict test(Probe probe) {
    ImageReference r = ImageReference.parse(ref).withDefaultTag();
    String digest = probe.view().hubDigest(r.path(), r.tag());
    if (!exists) {
      return Verdict.of(digest == null);
    }
    if (digest == null) {
      return Verdict.NO;
    }
    if (image == null) {
      return Verdict.YES;
    }
    Image local = probe.view().image(image);
    return Verdict.of(local != null && local.repoDigests().stream()
        .anyMatch(d -> d.path().equals(r.path()) && d.digest() != null && d.digest().toString().equals(digest)));
  }
}
