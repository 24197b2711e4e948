package io.riskstream.common.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A picocli converter for YYYY-MM-DD whose message says what the value should be; shared by the command lines of
 * {@code bin/riskstream} (local-stack) and factor-service's offline {@code compute-factors}.
 */
public final class IsoDateConverter implements ITypeConverter<LocalDate> {

    @Override
    public LocalDate convert(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }
}
