package io.nexusconnect.deploy.k8s;

import io.nexusconnect.deploy.k8s.render.Kustomize;
import io.nexusconnect.deploy.k8s.render.Manifests;

import java.util.List;

/** The kustomizations a platform team applies; each is rendered once per test JVM. */
final class Overlays {
    static final List<String> ALL = List.of("overlays/dev", "overlays/prod");

    private Overlays() {
    }

    static Manifests dev() {
        return Kustomize.render("overlays/dev");
    }

    static Manifests prod() {
        return Kustomize.render("overlays/prod");
    }

    static List<Manifests> all() {
        return ALL.stream().map(Kustomize::render).toList();
    }
}
