package io.riskstream.profile.adapters.http;

import java.util.Locale;
import io.riskstream.profile.application.ProfileStore;
import io.riskstream.profile.application.RefreshOutcome;
import io.riskstream.profile.application.RequestedRefresh;
import io.riskstream.profile.domain.Profile;
import io.riskstream.profile.domain.ProfileField;
import io.riskstream.profile.domain.ProfileState;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/profiles")
class ProfileController {

    record RefreshRequest(List<String> symbols, String tier, Boolean force) {
    }

    record RefreshResponse(int refreshed, int skippedFresh, int failed, int providerCalls) {
    }

    record Refreshed(Instant daily, Instant quarterly, Instant statics, LocalDate dailyCloseDate) {
    }

    /** {@code source}: the provider that answered the profile's identity (static tier); {@code sources}: per tier. */
    record ProfileView(String symbol, String source, Map<String, String> sources, Map<String, Object> fields,
                       Refreshed refreshed) {
    }

    private final RequestedRefresh requested;
    private final ProfileStore profiles;

    ProfileController(RequestedRefresh requested, ProfileStore profiles) {
        this.requested = requested;
        this.profiles = profiles;
    }

    @PostMapping("/refresh")
    RefreshResponse refresh(@RequestBody RefreshRequest request) {
        RefreshOutcome o = requested.refresh(new RequestedRefresh.Command(request.symbols(), request.tier(),
                request.force()));
        return new RefreshResponse(o.refreshed(), o.skippedFresh(), o.failed(), o.providerCalls());
    }

    @GetMapping("/{symbol}")
    ProfileView profile(@PathVariable String symbol) {
        Profile profile = profiles.find(symbol).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no profile for " + symbol));
        ProfileState state = profiles.state(symbol).orElseThrow();
        Map<String, Object> fields = new LinkedHashMap<>();
        for (ProfileField field : ProfileField.values()) {
            fields.put(field.wireName(), profile.get(field));
        }
        Map<String, String> sources = new LinkedHashMap<>();
        profiles.sources(symbol).forEach((tier, provider) -> sources.put(tier.name().toLowerCase(Locale.ROOT), provider));
        String source = sources.getOrDefault("static", sources.values().stream().findFirst().orElse(null));
        return new ProfileView(symbol, source, sources, fields, new Refreshed(state.last().daily().orElse(null),
                state.last().quarterly().orElse(null), state.last().statics().orElse(null),
                state.dailyCloseDate().orElse(null)));
    }
}
