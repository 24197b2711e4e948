package io.riskstream.common.security;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiBearerSchemeTest {

    @Test
    void operationsThatNeedAScopeRequireTheBearerSchemeWithItAndReadsNothing() {
        Operation create = new Operation();
        Operation list = new Operation();
        Operation close = new Operation();
        Operation backfill = new Operation();
        OpenAPI api = new OpenAPI().paths(new Paths()
                .addPathItem("/api/portfolios", new PathItem().post(create).get(list))
                .addPathItem("/api/portfolios/{id}/positions/{positionId}/close", new PathItem().post(close))
                .addPathItem("/api/admin/backfill", new PathItem().post(backfill)));

        new OpenApiBearerScheme().customise(api);

        assertThat(api.getComponents().getSecuritySchemes().get("bearer").getBearerFormat()).isEqualTo("JWT");
        assertThat(create.getSecurity()).containsExactly(new SecurityRequirement().addList("bearer", "portfolio:write"));
        assertThat(close.getSecurity()).containsExactly(new SecurityRequirement().addList("bearer", List.of("portfolio:write")));
        assertThat(backfill.getSecurity()).containsExactly(new SecurityRequirement().addList("bearer", "admin"));
        assertThat(list.getSecurity()).isNull();
    }
}
