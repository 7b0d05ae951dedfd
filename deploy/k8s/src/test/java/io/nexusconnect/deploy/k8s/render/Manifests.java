package io.nexusconnect.deploy.k8s.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** The objects of one rendered overlay. */
public record Manifests(String source, List<Manifest> all) {

    public List<Manifest> ofKind(String kind) {
        return all.stream().filter(m -> m.kind().equals(kind)).toList();
    }

    public Optional<Manifest> find(String kind, String name) {
        return all.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst();
    }

    /** A deep copy in which {@code change} has been applied to the one object {@code kind/name}. */
    public Manifests with(String kind, String name, Consumer<Manifest> change) {
        List<Manifest> copy = new ArrayList<>();
        boolean found = false;
        for (Manifest m : all) {
            Manifest c = m.copy();
            if (m.kind().equals(kind) && m.name().equals(name)) {
                change.accept(c);
                found = true;
            }
            copy.add(c);
        }
        if (!found) {
            throw new IllegalArgumentException("no " + kind + "/" + name + " in " + source);
        }
        return new Manifests(source + " (changed " + kind + "/" + name + ")", copy);
    }

    /** A deep copy without the objects {@code drop} matches, or with {@code extra} added. */
    public Manifests without(Predicate<Manifest> drop) {
        return new Manifests(source + " (some removed)", all.stream().filter(drop.negate()).map(Manifest::copy).toList());
    }

    public Manifests plus(Manifest extra) {
        List<Manifest> copy = new ArrayList<>(all.stream().map(Manifest::copy).toList());
        copy.add(extra);
        return new Manifests(source + " (plus " + extra.id() + ")", copy);
    }
}
