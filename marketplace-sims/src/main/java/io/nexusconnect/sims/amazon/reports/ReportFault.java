package io.nexusconnect.sims.amazon.reports;

/** What can go wrong with a report, injected into the next report that has data (see {@link ReportsApi#inject}). */
public enum ReportFault {
    /** The report ends FATAL without a document. */
    FATAL,
    /** The report ends CANCELLED although it had data (Amazon cancels on request, or when it finds no data). */
    CANCELLED,
    /** The document carries one row that cannot be read (a quantity that is not a number). */
    MALFORMED_ROW,
    /** The first getReportDocument of the report answers a URL that has already expired. */
    EXPIRED_URL
}
