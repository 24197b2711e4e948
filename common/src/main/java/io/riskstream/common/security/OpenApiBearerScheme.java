package io.riskstream.common.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The OpenAPI documents name the bearer scheme, and each operation that needs a scope ({@link ApiAccess}) requires
 * it with that scope, so the UI's "Authorize" sends the token where it is needed.
 */
final class OpenApiBearerScheme implements OpenApiCustomizer {

    static final String SCHEME = "bearer";

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        api.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT")
                .description("a JWT of the configured issuer; scopes portfolio:write (portfolio changes), admin"));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                ApiAccess.requiredScope(method.name(), path).ifPresent(scope ->
                        operation.addSecurityItem(new SecurityRequirement().addList(SCHEME, scope)))));
    }
}
