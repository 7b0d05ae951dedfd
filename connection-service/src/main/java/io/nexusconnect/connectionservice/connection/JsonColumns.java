package io.nexusconnect.connectionservice.connection;

import io.nexusconnect.contracts.kafka.Json;
import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

/**
 * jsonb columns (settings, properties) are written in the contracts' JSON dialect, so a column reads exactly like the
 * {@code ConnectionSettings} of an event, independent of how the REST layer's mapper is tuned.
 */
@jakarta.enterprise.context.ApplicationScoped
@JsonFormat
@PersistenceUnitExtension
public class JsonColumns implements FormatMapper {
    private final FormatMapper delegate = new JacksonJsonFormatMapper(Json.mapper());

    @Override
    public <T> T fromString(CharSequence value, JavaType<T> type, WrapperOptions options) {
        return delegate.fromString(value, type, options);
    }

    @Override
    public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
        return delegate.toString(value, type, options);
    }
}
