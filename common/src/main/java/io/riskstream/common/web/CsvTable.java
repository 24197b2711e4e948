package io.riskstream.common.web;

import java.util.List;

/**
 * A response body that can also be written as CSV ({@code Accept: text/csv}): a header row and the rows, one value
 * per column (null writes an empty field). JSON stays the default; {@link CsvTableConverter} writes this form.
 */
public interface CsvTable {

    List<String> csvHeader();

    List<List<?>> csvRows();
}
