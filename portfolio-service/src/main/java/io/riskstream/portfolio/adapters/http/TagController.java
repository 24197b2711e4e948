package io.riskstream.portfolio.adapters.http;

import io.riskstream.portfolio.application.PortfolioCommands;
import io.riskstream.portfolio.application.PositionTags;
import io.riskstream.portfolio.application.RiskStore;
import io.riskstream.portfolio.application.TagStore;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Tags on a portfolio's positions: sector tags (derived) and user tags (created, attached, detached), by tag. */
@RestController
@RequestMapping("/api/portfolios/{id}")
class TagController {

    record CreateTagRequest(String name, String colour, String description) {
    }

    record TagsView(UUID portfolioId, List<TagStore.Tag> tags) {
    }

    record TagExposuresView(UUID portfolioId, LocalDate date, List<TagStore.TagExposure> tags) {
    }

    private final PositionTags tags;
    private final RiskStore risk;

    TagController(PositionTags tags, RiskStore risk) {
        this.tags = tags;
        this.risk = risk;
    }

    @GetMapping("/tags")
    TagsView list(@PathVariable UUID id) {
        return new TagsView(id, tags.list(id));
    }

    @PostMapping("/tags")
    ResponseEntity<TagStore.Tag> create(@PathVariable UUID id, @RequestBody CreateTagRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("request body is required");
        }
        TagStore.Tag tag = tags.create(new PositionTags.CreateTag(id, request.name(), request.colour(),
                request.description()));
        return ResponseEntity.created(URI.create("/api/portfolios/" + id + "/tags/" + tag.id())).body(tag);
    }

    @PutMapping("/positions/{positionId}/tags/{tagId}")
    ResponseEntity<Void> attach(@PathVariable UUID id, @PathVariable UUID positionId, @PathVariable UUID tagId) {
        tags.attach(new PositionTags.TagOnPosition(id, positionId, tagId));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/positions/{positionId}/tags/{tagId}")
    ResponseEntity<Void> detach(@PathVariable UUID id, @PathVariable UUID positionId, @PathVariable UUID tagId) {
        tags.detach(new PositionTags.TagOnPosition(id, positionId, tagId));
        return ResponseEntity.noContent().build();
    }

    /** Exposure and P&L per tag on a date (the latest computed by default), from the stored position values. */
    @GetMapping("/tags/exposures")
    TagExposuresView exposures(@PathVariable UUID id,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        tags.list(id); // 404 for an unknown portfolio
        LocalDate day = date != null ? date : risk.latestDate(id).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "portfolio " + id + " has no position values yet"));
        return new TagExposuresView(id, day, tags.exposures(id, day));
    }

    @ExceptionHandler(PortfolioCommands.NotFound.class)
    ProblemDetail notFound(PortfolioCommands.NotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(PositionTags.Conflict.class)
    ProblemDetail conflict(PositionTags.Conflict e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }
}
