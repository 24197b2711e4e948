package io.riskstream.common.web;

import io.riskstream.common.event.Contract;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every service's API errors as ProblemDetail bodies with a reason: an invalid request (an
 * {@link IllegalArgumentException} from a contract check, an unreadable body) answers 400 naming the field, and
 * Spring MVC's own exceptions, {@code ResponseStatusException} included, keep their status and carry their message.
 */
@RestControllerAdvice
public class ApiErrors extends ResponseEntityExceptionHandler {

    @ExceptionHandler(IllegalArgumentException.class)
    public ProblemDetail invalid(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        return problem;
    }

    /** A path or query parameter of the wrong type: its name and the expected type; the value shortened. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        String expected = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, name + " "
                + Contract.shown(String.valueOf(e.getValue())) + " is not a valid " + expected);
        problem.setTitle("Invalid request");
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * A body Jackson cannot read: the field it was reading (e.g. {@code positions[0].quantity}) and what it expected
     * there, or where the JSON breaks; the offending value is not echoed (it may be 100,000 characters).
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String reason = e.getCause() instanceof JacksonException json ? BodyErrors.describe(json)
                : e.getCause() == null && String.valueOf(e.getMessage()).startsWith("Required request body is missing")
                ? "a JSON body is required"
                : BodyErrors.abbreviate(e.getMostSpecificCause().getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "request body is not valid: " + reason);
        problem.setTitle("Invalid request");
        return ResponseEntity.badRequest().body(problem);
    }
}
