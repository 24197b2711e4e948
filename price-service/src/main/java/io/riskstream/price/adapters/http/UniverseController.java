package io.riskstream.price.adapters.http;

import io.riskstream.price.application.UniverseStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Read side of the universe: each symbol with its tier, status, watermark and last error. */
@RestController
@RequestMapping("/api/universe")
class UniverseController {

    private final UniverseStore universe;

    UniverseController(UniverseStore universe) {
        this.universe = universe;
    }

    @GetMapping
    List<UniverseStore.Entry> list() {
        return universe.all();
    }
}
