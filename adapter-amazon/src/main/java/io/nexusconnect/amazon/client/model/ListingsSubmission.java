package io.nexusconnect.amazon.client.model;

import java.util.List;

/**
 * Listings Items 2021-08-01 {@code ListingsItemSubmissionResponse}: {@code status} ACCEPTED (taken for processing),
 * INVALID (refused, nothing changes) or VALID (only in VALIDATION_PREVIEW mode), with the {@code issues} found.
 */
public record ListingsSubmission(String sku, String status, String submissionId, List<Issue> issues) {
    public static final String ACCEPTED = "ACCEPTED";
    public static final String INVALID = "INVALID";

    /** An issue of the submission; ERROR prevents processing, WARNING and INFO do not. */
    public record Issue(String code, String message, String severity, List<String> attributeNames) {
    }
}
