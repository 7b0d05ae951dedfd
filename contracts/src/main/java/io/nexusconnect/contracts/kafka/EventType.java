package io.nexusconnect.contracts.kafka;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code ce_type} split into the event's name and version: {@code io.nexusconnect.sync.requested.v1} is
 * {@code io.nexusconnect.sync.requested}, major 1, minor 0; {@code io.nexusconnect.sync.requested.v1.2} is minor 2.
 * A minor version only adds optional fields (readers ignore what they do not know), so a reader of v1 understands
 * every v1.x; a major version is a new contract, on a new topic version.
 */
public record EventType(String name, int major, int minor) {
    private static final Pattern FORMAT = Pattern.compile("^(.+)\\.v(\\d+)(?:\\.(\\d+))?$");

    public static EventType parse(String ceType) {
        Matcher m = FORMAT.matcher(ceType == null ? "" : ceType);
        if (!m.matches()) {
            throw new MalformedEventException("ce_type '" + ceType + "' is not <name>.v<major>[.<minor>]");
        }
        try {
            return new EventType(m.group(1), Integer.parseInt(m.group(2)), m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
        } catch (NumberFormatException e) {
            throw new MalformedEventException("ce_type '" + ceType + "' has an unreadable version");
        }
    }

    /** Whether a reader of {@code this} type understands a record of {@code actual}: same name, same major version. */
    public boolean reads(EventType actual) {
        return name.equals(actual.name) && major == actual.major;
    }

    /** The type whose JSON Schema describes this one: {@code <name>.v<major>} (every minor is read with it). */
    public String schemaType() {
        return name + ".v" + major;
    }
}
