package io.riskstream.factor.adapters.http;

import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders Spring MVC's own exceptions, {@code ResponseStatusException} included, as ProblemDetail bodies, so a 404
 * carries its reason ("no metrics for symbol X on D") instead of Boot's bare error page.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {
}
