package io.riskstream.system;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentedApiTest {

    @Test
    void everyFormOfTheTablesFirstCellIsRead() {
        var parsed = DocumentedApi.parse(List.of(
                "# HTTP API", "", "## portfolio-service (8085)", "", "| method and path | what it does |", "|---|---|",
                "| `GET /api/portfolios[?page=&size=]` | the list, with a `code` in the text |",
                "| `GET /api/portfolios/{id}/betas`, `/volatility` (`[?date=]` or `[?from=&to=]`) | risk |",
                "| `GET\\|POST /api/portfolios/{id}/tags` | tags |",
                "## price-service (8081)",
                "| `GET /api/universe`, `POST /api/universe`, `DELETE /api/universe/{symbol}` | universe |",
                "## Notes", "| `GET /not/an/endpoint` | outside a service section |"));
        assertThat(parsed).containsOnlyKeys("portfolio-service", "price-service");
        assertThat(parsed.get("portfolio-service")).containsExactlyInAnyOrder("GET /api/portfolios",
                "GET /api/portfolios/{id}/betas", "GET /api/portfolios/{id}/volatility",
                "GET /api/portfolios/{id}/tags", "POST /api/portfolios/{id}/tags");
        assertThat(parsed.get("price-service")).containsExactlyInAnyOrder("GET /api/universe", "POST /api/universe",
                "DELETE /api/universe/{symbol}");
    }

    @Test
    void aCellItCannotReadIsAnErrorNamingIt() {
        assertThatThrownBy(() -> DocumentedApi.parse(List.of("## factor-service (8084)", "| `the symbols` | x |")))
                .hasMessageContaining("the symbols");
    }
}
