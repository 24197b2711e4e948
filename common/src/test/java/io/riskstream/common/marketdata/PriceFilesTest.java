package io.riskstream.common.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceFilesTest {

    private static final Path FILE = Path.of("X.csv");

    private static List<DailyBar> parse(String... rows) throws IOException {
        String text = PriceFiles.HEADER + "\n" + String.join("\n", rows) + "\n";
        return PriceFiles.parse("X", FILE, new BufferedReader(new StringReader(text)));
    }

    @Test
    void readsPlainDatesAndVolumesAsTheFormatterAndBigDecimalWould() throws IOException {
        List<DailyBar> bars = parse("2024-02-28,1,2,0.5,1.5,1.25,1200", "2024-02-29,1,2,0.5,1.5,1.5,1200.0",
                " 2024-03-01 ,1,2,0.5,1.5,1.75,007");

        assertThat(bars).extracting(DailyBar::date)
                .containsExactly(LocalDate.of(2024, 2, 28), LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 1));
        assertThat(bars).extracting(DailyBar::volume).containsExactly(1200L, 1200L, 7L);
        assertThat(bars).extracting(DailyBar::adjClose).containsExactly(1.25, 1.5, 1.75);
    }

    @Test
    void stillReadsTheOtherIsoDateForms() throws IOException {
        assertThat(parse("+10000-01-03,1,2,0.5,1.5,1.25,10")).extracting(DailyBar::date)
                .containsExactly(LocalDate.of(10000, 1, 3));
    }

    @Test
    void namesTheLineOfADateThatDoesNotExist() {
        assertThatThrownBy(() -> parse("2024-01-02,1,2,0.5,1.5,1.25,10", "2023-02-29,1,2,0.5,1.5,1.25,10"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("X.csv line 3: unparsable date '2023-02-29'");
        assertThatThrownBy(() -> parse("2024-1-02,1,2,0.5,1.5,1.25,10"))
                .hasMessage("X.csv line 2: unparsable date '2024-1-02'");
    }

    @Test
    void refusesNegativeFractionalAndOverlongVolumes() {
        assertThatThrownBy(() -> parse("2024-01-02,1,2,0.5,1.5,1.25,-5")).hasMessageContaining("volume '-5' is negative");
        assertThatThrownBy(() -> parse("2024-01-02,1,2,0.5,1.5,1.25,5.5")).hasMessageContaining("unparsable volume '5.5'");
        assertThatThrownBy(() -> parse("2024-01-02,1,2,0.5,1.5,1.25,99999999999999999999"))
                .hasMessageContaining("unparsable volume '99999999999999999999'");
    }
}
