package org.waarom.api.common.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.inject.Singleton;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

import java.io.IOException;

/**
 * How Hibernate ORM writes and reads the jsonb columns that entities map to Java types with
 * {@code @JdbcTypeCode(SqlTypes.JSON)} (content of versions and texts, the people of review policies, reminder recipients):
 * with the application's ObjectMapper, the one that wrote and read them by hand before issue 17, so that every row stored
 * since reads exactly as it did, and as strictly as a request body (a stored field of no record field is an error, as it was).
 * Quarkus does not choose a mapper itself while the application customises its ObjectMapper ({@code StrictJson}): it refuses
 * to start until one is chosen here.
 */
@Singleton
@JsonFormat
@PersistenceUnitExtension
public class StoredJson implements FormatMapper {

    private final FormatMapper jackson;

    StoredJson(ObjectMapper json) {
        this.jackson = new JacksonJsonFormatMapper(json);
    }

    @Override
    public <T> T fromString(CharSequence text, JavaType<T> type, WrapperOptions options) {
        return jackson.fromString(text, type, options);
    }

    @Override
    public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
        return jackson.toString(value, type, options);
    }

    @Override
    public boolean supportsSourceType(Class<?> sourceType) {
        return jackson.supportsSourceType(sourceType);
    }

    @Override
    public boolean supportsTargetType(Class<?> targetType) {
        return jackson.supportsTargetType(targetType);
    }

    @Override
    public <T> void writeToTarget(T value, JavaType<T> type, Object target, WrapperOptions options) throws IOException {
        jackson.writeToTarget(value, type, target, options);
    }

    @Override
    public <T> T readFromSource(JavaType<T> type, Object source, WrapperOptions options) throws IOException {
        return jackson.readFromSource(type, source, options);
    }
}
