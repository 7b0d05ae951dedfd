package io.nexusconnect.deploy.k8s.check;

import io.nexusconnect.deploy.k8s.render.Manifest;
import io.nexusconnect.deploy.k8s.render.Manifests;
import io.nexusconnect.deploy.k8s.schema.CoreObjects;
import io.nexusconnect.deploy.k8s.schema.CustomResources;

import java.util.ArrayList;
import java.util.List;

/** Every rendered object against its schema; an object of a kind with no schema here is a problem too. */
public final class SchemaCheck {
    private SchemaCheck() {
    }

    public static List<String> problems(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (Manifest manifest : manifests.all()) {
            if (CoreObjects.knows(manifest)) {
                CoreObjects.problem(manifest).ifPresent(problems::add);
            } else if (CustomResources.knows(manifest)) {
                CustomResources.problem(manifest).ifPresent(problems::add);
            } else {
                problems.add(manifest.id() + ": " + manifest.apiVersion() + " has no schema to validate against");
            }
        }
        return problems;
    }
}
