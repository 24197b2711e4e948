package io.riskstream.common.web;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes a {@link CsvTable} as RFC 4180 CSV (commons-csv) for {@code Accept: text/csv}; reads nothing. */
public class CsvTableConverter extends AbstractHttpMessageConverter<CsvTable> {

    public static final String TEXT_CSV_VALUE = "text/csv";
    public static final MediaType TEXT_CSV = MediaType.parseMediaType(TEXT_CSV_VALUE);

    public CsvTableConverter() {
        super(StandardCharsets.UTF_8, TEXT_CSV);
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return CsvTable.class.isAssignableFrom(clazz);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected CsvTable readInternal(Class<? extends CsvTable> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("CSV request bodies are not accepted", input);
    }

    @Override
    protected void writeInternal(CsvTable table, HttpOutputMessage output) throws IOException {
        Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(table.csvHeader().toArray(String[]::new)).get();
        // not closed: the container owns the response stream
        CSVPrinter printer = new CSVPrinter(writer, format);
        for (List<?> row : table.csvRows()) {
            printer.printRecord(row);
        }
        printer.flush();
    }
}
