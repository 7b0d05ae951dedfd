package io.nexusconnect.kaufland.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * {@code UnitsBulkUpdateResponse}: per unit either the updated unit ({@code status_code} 200), validation errors or an
 * internal error ({@code key}, {@code message}).
 */
public record BulkUpdateResponse(List<Item> data) {
    public record Item(@JsonProperty("id_unit") Long idUnit,
                       @JsonProperty("status_code") Double statusCode,
                       String message,
                       String key,
                       List<FieldError> errors) {
    }

    public record FieldError(String field, String message) {
    }
}
