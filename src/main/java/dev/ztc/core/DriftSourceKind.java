package dev.ztc.core;

import dev.ztc.model.EnforcementLayer;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The sources {@code ztc drift} can read, by the names {@code --source} takes, with the layers each is asked about.
 * The Terraform state holds whatever layers were applied from it, so it declares none up front: its layers are
 * those it reports.
 */
public enum DriftSourceKind {
    AWS(EnumSet.of(EnforcementLayer.NETWORK, EnforcementLayer.CLOUD_IDENTITY)),
    ENTRA(EnumSet.of(EnforcementLayer.WORKFORCE_IDENTITY)),
    OPA(EnumSet.of(EnforcementLayer.APPLICATION)),
    TFSTATE(EnumSet.noneOf(EnforcementLayer.class));

    private final EnumSet<EnforcementLayer> layers;

    DriftSourceKind(EnumSet<EnforcementLayer> layers) {
        this.layers = layers;
    }

    public Set<EnforcementLayer> layers() {
        return EnumSet.copyOf(layers);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A comma list of names ({@code aws,opa}); empty when a name is unknown. */
    public static Optional<Set<DriftSourceKind>> parseAll(String text) {
        Set<DriftSourceKind> out = EnumSet.noneOf(DriftSourceKind.class);
        for (String part : text.split(",")) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            Optional<DriftSourceKind> kind = Arrays.stream(values()).filter(k -> k.label().equals(name)).findFirst();
            if (kind.isEmpty()) {
                return Optional.empty();
            }
            out.add(kind.get());
        }
        return Optional.of(out);
    }
}
